package dev.ocikit.validate.rules.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a path of the container inside the bundle's root filesystem as the kernel would after
 * the runtime has made that directory the container's {@code /}: every symbolic link is followed,
 * but {@code ..} stops at the root and an absolute link target starts again at the root, so the
 * answer never names a file outside it. Only reads: nothing here opens, creates or changes a file.
 */
final class RootfsPath {
  /** Linux gives up after 40 links in one lookup (ELOOP); so do we. */
  private static final int MAX_LINKS = 40;

  private final Path root;

  RootfsPath(Path root) {
    this.root = root;
  }

  /**
   * Where {@code unsafePath} (an absolute path in the container) leads inside the root, with every
   * link resolved; empty when a link chain is too long or cannot be read.
   */
  Optional<Path> resolve(String unsafePath) {
    Deque<String> todo = new ArrayDeque<>(List.of(unsafePath.split("/")));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.pollFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      Path here = join(done).resolve(part);
      if (!Files.isSymbolicLink(here)) {
        done.add(part);
        continue;
      }
      if (++links > MAX_LINKS) {
        return Optional.empty();
      }
      String target;
      try {
        target = Files.readSymbolicLink(here).toString();
      } catch (IOException | UnsupportedOperationException unreadable) {
        return Optional.empty();
      }
      if (target.startsWith("/")) {
        done.clear();
      }
      String[] more = target.split("/");
      for (int i = more.length - 1; i >= 0; i--) {
        todo.addFirst(more[i]);
      }
    }
    return Optional.of(join(done));
  }

  /** The container path of a resolved file, for messages: {@code /usr/bin/sh}. */
  String containerPath(Path resolved) {
    String rel = root.relativize(resolved).toString().replace('\\', '/');
    return "/" + rel;
  }

  /** A regular file (after resolution) with at least one execute bit, as execve(2) needs. */
  static boolean isExecutableFile(Path resolved) {
    if (!Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      Set<PosixFilePermission> p =
          Files.getPosixFilePermissions(resolved, LinkOption.NOFOLLOW_LINKS);
      return p.contains(PosixFilePermission.OWNER_EXECUTE)
          || p.contains(PosixFilePermission.GROUP_EXECUTE)
          || p.contains(PosixFilePermission.OTHERS_EXECUTE);
    } catch (IOException | UnsupportedOperationException noModes) {
      return true; // a file system without POSIX modes: the bits cannot be told, so no advice
    }
  }

  private Path join(List<String> parts) {
    Path p = root;
    for (String part : parts) {
      p = p.resolve(part);
    }
    return p;
  }
}
