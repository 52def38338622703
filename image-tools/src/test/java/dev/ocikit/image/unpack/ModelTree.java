package dev.ocikit.image.unpack;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The generator's picture of the tree a layer sequence builds, entry by entry, after layer.md: the
 * kind of each path, symlink targets, the paths the current layer created (which its whiteouts
 * spare) and the time the last entry for each directory gave it. It lets the generator pick names
 * that keep layers benign (parents that are real directories, hardlink targets that exist, no entry
 * listed twice) and tells the comparison which time an entry gave a directory. Paths are
 * root-relative and symlink-free; the root is "".
 */
final class ModelTree {
  enum Kind {
    DIR,
    FILE,
    SYMLINK,
    FIFO,
    CHAR,
    BLOCK
  }

  /** One path; {@code dirTime} is null for a directory made implicitly, as a missing parent. */
  static final class Node {
    final Kind kind;
    final String target;
    Instant dirTime;

    Node(Kind kind, String target, Instant dirTime) {
      this.kind = kind;
      this.target = target;
      this.dirTime = dirTime;
    }
  }

  private final TreeMap<String, Node> nodes = new TreeMap<>();
  private final Set<String> upper = new HashSet<>();
  private final Set<String> listed = new HashSet<>();

  ModelTree() {
    nodes.put("", new Node(Kind.DIR, null, Instant.EPOCH)); // umoci's initial root time
  }

  void startLayer() {
    upper.clear();
    listed.clear();
  }

  Node get(String p) {
    return nodes.get(p);
  }

  /** True when the current layer already has an entry for {@code p}. */
  boolean listed(String p) {
    return listed.contains(p);
  }

  /** Notes a whiteout entry's own name, so that it is not listed twice either. */
  void listWhiteout(String whiteoutPath) {
    listed.add(whiteoutPath);
  }

  /** Paths whose node passes {@code filter}, in a stable order. */
  List<String> paths(Predicate<Node> filter) {
    List<String> out = new ArrayList<>();
    nodes.forEach((p, n) -> out.add(filter.test(n) ? p : null));
    out.removeIf(p -> p == null);
    return out;
  }

  static String child(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  static String parent(String p) {
    int slash = p.lastIndexOf('/');
    return slash < 0 ? "" : p.substring(0, slash);
  }

  /**
   * Records an entry at {@code p}: what was there goes (unless both are directories, when the
   * directory stays and takes the entry's time), missing parents are made implicitly.
   */
  void add(String p, Kind kind, String target, Instant time) {
    Node old = nodes.get(p);
    if (old != null && old.kind == Kind.DIR && kind == Kind.DIR) {
      old.dirTime = time;
    } else {
      removeTree(p);
      for (String a = parent(p); !a.isEmpty() && !nodes.containsKey(a); a = parent(a)) {
        nodes.put(a, new Node(Kind.DIR, null, null));
      }
      nodes.put(p, new Node(kind, target, kind == Kind.DIR ? time : null));
    }
    listed.add(p);
    for (String a = p; !a.isEmpty(); a = parent(a)) {
      upper.add(a);
    }
  }

  private void removeTree(String p) {
    nodes.remove(p);
    nodes.subMap(p + "/", true, p + "0", false).clear(); // '0' follows '/'
  }

  List<String> children(String dir) {
    List<String> out = new ArrayList<>();
    String from = dir.isEmpty() ? "" : dir + "/";
    for (String p : nodes.tailMap(from, false).keySet()) {
      if (!p.startsWith(from)) {
        break;
      }
      if (p.indexOf('/', from.length()) < 0) {
        out.add(p);
      }
    }
    return out;
  }

  /** A whiteout of {@code p}: removes what lower layers put there, sparing this layer's paths. */
  void whiteout(String p) {
    Node n = nodes.get(p);
    if (n == null) {
      return;
    }
    if (!upper.contains(p)) {
      removeTree(p);
    } else if (n.kind == Kind.DIR) {
      children(p).forEach(this::whiteout);
    }
  }

  /** An opaque whiteout in {@code dir}: every child goes as if whited out. */
  void opaque(String dir) {
    children(dir).forEach(this::whiteout);
  }

  /**
   * The existing directory {@code unsafe} names when every symlink on the way is expanded inside
   * the root (absolute targets from the root, {@code ..} stopping there), or null when the walk
   * meets a missing name, a non-directory or a loop. Written apart from {@link RootResolver} on
   * purpose: the generator must not share the resolution it is testing.
   */
  String resolveDir(String unsafe) {
    Deque<String> todo = new ArrayDeque<>(List.of(unsafe.split("/")));
    List<String> done = new ArrayList<>();
    for (int expansions = 0; !todo.isEmpty(); ) {
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
      Node n = nodes.get(child(String.join("/", done), c));
      if (n == null || (n.kind != Kind.DIR && n.kind != Kind.SYMLINK)) {
        return null;
      }
      if (n.kind == Kind.DIR) {
        done.add(c);
        continue;
      }
      if (++expansions > 40) {
        return null;
      }
      if (n.target.startsWith("/")) {
        done.clear();
      }
      String[] parts = n.target.split("/");
      for (int i = parts.length - 1; i >= 0; i--) {
        todo.addFirst(parts[i]);
      }
    }
    return String.join("/", done);
  }
}
