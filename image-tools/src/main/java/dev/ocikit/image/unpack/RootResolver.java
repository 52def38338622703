package dev.ocikit.image.unpack;

import dev.ocikit.image.UnpackException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The one place where untrusted tar names become host paths. Names are cleaned lexically (a leading
 * {@code /} is dropped as GNU tar does; a {@code ..} that would climb above the root is refused),
 * then every component but the last is walked one at a time: a symlink met on the way is expanded
 * as if the process were chrooted at the root (absolute targets restart at the root, {@code ..}
 * stops at the root), with at most {@value #MAX_SYMLINKS} expansions. The final component is never
 * followed, so callers act on the name itself (delete and recreate, never write through it).
 */
final class RootResolver {
  /** Same bound as filepath-securejoin; the kernel's own limit is 40 per lookup. */
  static final int MAX_SYMLINKS = 255;

  private final Path root;
  private final RootFs fs;

  /**
   * A resolved entry: host parent directory path, final name, and the root-relative components of
   * the parent (symlinks already expanded).
   */
  record Target(Path parent, String name, List<String> parentComponents) {
    Path path() {
      return name.isEmpty() ? parent : parent.resolve(name);
    }

    boolean isRoot() {
      return name.isEmpty();
    }

    /** Root-relative path of the target itself, with {@code /} separators. */
    String relative() {
      List<String> all = new ArrayList<>(parentComponents);
      if (!name.isEmpty()) {
        all.add(name);
      }
      return String.join("/", all);
    }
  }

  RootResolver(Path root, RootFs fs) {
    this.root = root;
    this.fs = fs;
  }

  /**
   * Cleans an untrusted tar name into components. Throws if the name climbs above the root or
   * contains NUL; an empty result means the root itself.
   */
  static List<String> clean(String unsafeName) throws UnpackException {
    if (unsafeName.indexOf('\0') >= 0) {
      throw new UnpackException("name contains a NUL byte");
    }
    List<String> out = new ArrayList<>();
    for (String c : unsafeName.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (out.isEmpty()) {
          throw new UnpackException("name escapes the root with '..'");
        }
        out.remove(out.size() - 1);
        continue;
      }
      out.add(c);
    }
    return out;
  }

  /** Resolves an untrusted name: the parent is walked safely, the last component is not. */
  Target resolve(String unsafeName) throws IOException {
    List<String> comps = clean(unsafeName);
    if (comps.isEmpty()) {
      return new Target(root, "", List.of());
    }
    List<String> parent = walk(comps.subList(0, comps.size() - 1));
    return new Target(hostPath(parent), comps.get(comps.size() - 1), parent);
  }

  /** Host path for already-resolved, symlink-free components. */
  Path hostPath(List<String> resolved) {
    Path p = root;
    for (String c : resolved) {
      p = p.resolve(c);
    }
    return p;
  }

  /**
   * Walks components from the root, expanding symlinks inside the root. The result names no
   * symlink; its tail may not exist yet.
   */
  List<String> walk(List<String> comps) throws IOException {
    Deque<String> todo = new ArrayDeque<>(comps);
    List<String> done = new ArrayList<>();
    int expansions = 0;
    while (!todo.isEmpty()) {
      String c = todo.pollFirst();
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      Path host = hostPath(done).resolve(c);
      if (fs.kind(host) != RootFs.Kind.SYMLINK) {
        done.add(c);
        continue;
      }
      if (++expansions > MAX_SYMLINKS) {
        throw new UnpackException("too many levels of symlinks (more than " + MAX_SYMLINKS + ")");
      }
      String target = fs.readSymlink(host);
      if (target.startsWith("/")) {
        done.clear();
      }
      String[] parts = target.split("/");
      for (int i = parts.length - 1; i >= 0; i--) {
        todo.addFirst(parts[i]);
      }
    }
    return done;
  }
}
