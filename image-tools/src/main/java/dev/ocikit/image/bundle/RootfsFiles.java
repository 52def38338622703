package dev.ocikit.image.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads files of an unpacked root filesystem as the container would see them, never outside it:
 * each component is looked at without following it, a symlink is expanded inside the root (absolute
 * targets restart at the root), and a {@code ..} that would climb above the root makes the path
 * count as absent. The final file is opened with {@code O_NOFOLLOW}.
 */
final class RootfsFiles {
  /** Same bound as the kernel's per-lookup symlink limit. */
  static final int MAX_SYMLINKS = 40;

  private final Path root;

  RootfsFiles(Path root) {
    this.root = root;
  }

  /** The host path of {@code containerPath} with every symlink expanded, or empty. */
  Optional<Path> resolve(String containerPath) throws IOException {
    Deque<String> todo = new ArrayDeque<>(List.of(containerPath.split("/")));
    List<String> done = new ArrayList<>();
    int expansions = 0;
    while (!todo.isEmpty()) {
      String c = todo.pollFirst();
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (done.isEmpty()) {
          return Optional.empty(); // climbs out of the root: treated as missing
        }
        done.remove(done.size() - 1);
        continue;
      }
      Path host = hostPath(done).resolve(c);
      if (!Files.isSymbolicLink(host)) {
        if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
          return Optional.empty();
        }
        done.add(c);
        continue;
      }
      if (++expansions > MAX_SYMLINKS) {
        return Optional.empty();
      }
      String target = Files.readSymbolicLink(host).toString();
      if (target.startsWith("/")) {
        done.clear();
      }
      String[] parts = target.split("/");
      for (int i = parts.length - 1; i >= 0; i--) {
        todo.addFirst(parts[i]);
      }
    }
    return Optional.of(hostPath(done));
  }

  /** The content of the regular file at {@code containerPath}, or empty if there is none. */
  Optional<byte[]> read(String containerPath, long maxBytes) throws IOException {
    Optional<Path> p = resolve(containerPath);
    if (p.isEmpty() || !Files.isRegularFile(p.get(), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try (InputStream in =
        Files.newInputStream(p.get(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      byte[] b = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      if (b.length > maxBytes) {
        throw new IOException(containerPath + " in the root filesystem exceeds " + maxBytes);
      }
      return Optional.of(b);
    }
  }

  private Path hostPath(List<String> comps) {
    Path p = root;
    for (String c : comps) {
      p = p.resolve(c);
    }
    return p;
  }
}
