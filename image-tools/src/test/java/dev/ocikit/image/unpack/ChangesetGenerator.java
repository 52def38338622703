package dev.ocikit.image.unpack;

import dev.ocikit.image.unpack.ModelTree.Kind;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A seeded generator of tricky but benign layer sequences: regular files with and without content,
 * directories (also listed again, and nested ones created implicitly), symlinks (absolute,
 * relative, dangling, written through, forming loops), hardlinks, whiteouts and opaque whiteouts, a
 * directory replaced by a file and back, FIFOs and devices, {@code user.*} and {@code trusted.*}
 * xattrs, owners, all 12 mode bits and times from 1930 to beyond 2262. Benign: every layer follows
 * layer.md (no name twice in a layer, whiteouts for lower-layer paths) and never asks for what must
 * fail (a parent that is not a directory, a missing hardlink target), so any two correct appliers
 * agree on the result. The same seed always gives the same layers.
 */
final class ChangesetGenerator {
  /** One tar entry and its content (null for entries without any). */
  record Entry(TarArchiveEntry header, byte[] data) {}

  private static final String[] NAMES = {
    "a", "b", "c", "d", "e", "f", "etc", ".hid", "sp ace", "ü"
  };
  private static final int[] IDS = {0, 0, 0, 1, 1000, 4242, 65534};
  private static final String[] VALUES = {"1", "two", "héllo", "x=y", "a longer value, 40 bytes"};

  private final Random r;
  private final ModelTree tree = new ModelTree();
  private List<Entry> layer;

  ChangesetGenerator(long seed) {
    this.r = new Random(seed);
  }

  /** The model after {@link #layers()}: what each path holds and each directory's time. */
  ModelTree tree() {
    return tree;
  }

  /** One to four layers of 2 to 30 operations each. */
  List<List<Entry>> layers() {
    List<List<Entry>> out = new ArrayList<>();
    for (int n = 1 + r.nextInt(4); n > 0; n--) {
      tree.startLayer();
      layer = new ArrayList<>();
      for (int ops = 2 + r.nextInt(29); ops > 0; ops--) {
        operation();
      }
      out.add(layer);
    }
    return out;
  }

  private void operation() {
    int pick = r.nextInt(100);
    if (pick < 22) {
      regular(newPath(), null);
    } else if (pick < 34) {
      directory(newPath());
    } else if (pick < 40) {
      existing(k -> k == Kind.DIR, this::directory); // listed again, root included
    } else if (pick < 48) {
      symlink(newPath());
    } else if (pick < 53) {
      hardlink(newPath());
    } else if (pick < 60) {
      node(newPath());
    } else if (pick < 67) {
      whiteout();
    } else if (pick < 71) {
      existing(k -> k == Kind.DIR, this::opaque);
    } else if (pick < 77) {
      existing(k -> k != Kind.DIR, this::directory); // a file (or other) replaced by a directory
    } else if (pick < 83) {
      existing(k -> k == Kind.DIR, p -> regular(p, null)); // a directory replaced by a file
    } else if (pick < 92) {
      throughSymlink();
    } else {
      loop();
    }
  }

  /** A path in an existing directory, sometimes below one or two missing (implicit) parents. */
  private String newPath() {
    List<String> dirs = tree.paths(n -> n.kind == Kind.DIR);
    String p = dirs.get(r.nextInt(dirs.size()));
    for (int depth = r.nextInt(10) < 2 ? 2 + r.nextInt(2) : 1; depth > 0; depth--) {
      p = ModelTree.child(p, NAMES[r.nextInt(NAMES.length)]);
      if (tree.get(p) != null && depth > 1 && tree.get(p).kind != Kind.DIR) {
        return p; // would need a non-directory as parent: use the name itself
      }
    }
    return p;
  }

  private interface Op {
    void at(String path);
  }

  /** Applies {@code op} to an existing path of a chosen kind not yet listed in this layer. */
  private void existing(java.util.function.Predicate<Kind> kind, Op op) {
    List<String> ps = tree.paths(n -> kind.test(n.kind));
    ps.removeIf(tree::listed);
    if (!ps.isEmpty()) {
      op.at(ps.get(r.nextInt(ps.size())));
    }
  }

  /** False (and nothing emitted) when {@code p} cannot take a new entry in this layer. */
  private boolean free(String p) {
    return !p.isEmpty() && !tree.listed(p);
  }

  private void regular(String p, String unsafeName) {
    if (!free(p)) {
      return;
    }
    int size = r.nextInt(4) == 0 ? 0 : r.nextInt(r.nextInt(8) == 0 ? 70_000 : 3000);
    byte[] data = new byte[size];
    r.nextBytes(data);
    TarArchiveEntry e = new TarArchiveEntry(name(unsafeName != null ? unsafeName : p));
    emit(e, data, p, Kind.FILE, null, true);
  }

  private void directory(String p) {
    if (tree.listed(p)) {
      return;
    }
    TarArchiveEntry e = new TarArchiveEntry(p.isEmpty() ? "./" : name(p) + "/");
    emit(e, null, p, Kind.DIR, null, true);
  }

  private void symlink(String p) {
    if (!free(p)) {
      return;
    }
    List<String> all = tree.paths(n -> true);
    String to = all.get(r.nextInt(all.size()));
    int depth = p.split("/").length - 1;
    String target =
        switch (r.nextInt(6)) {
          case 0 -> "/" + to; // absolute
          case 1 -> "../".repeat(depth) + (to.isEmpty() ? "." : to); // relative via the root
          case 2 -> "missing/" + NAMES[r.nextInt(NAMES.length)]; // dangling
          case 3 -> r.nextBoolean() ? "." : "..";
          default -> NAMES[r.nextInt(NAMES.length)]; // a sibling, maybe missing
        };
    TarArchiveEntry e = new TarArchiveEntry(name(p), TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    emit(e, null, p, Kind.SYMLINK, target, false);
  }

  private void hardlink(String p) {
    List<String> targets = tree.paths(n -> n.kind != Kind.DIR);
    targets.removeIf(t -> t.equals(p) || t.startsWith(p + "/"));
    if (!free(p) || targets.isEmpty()) {
      return;
    }
    String to = targets.get(r.nextInt(targets.size()));
    TarArchiveEntry e = new TarArchiveEntry(name(p), TarConstants.LF_LINK);
    e.setLinkName(r.nextBoolean() ? to : "/" + to);
    layer.add(new Entry(e, null));
    ModelTree.Node n = tree.get(to);
    tree.add(p, n.kind, n.target, null);
  }

  private void node(String p) {
    if (!free(p)) {
      return;
    }
    Kind kind = new Kind[] {Kind.FIFO, Kind.FIFO, Kind.CHAR, Kind.BLOCK}[r.nextInt(4)];
    byte flag =
        switch (kind) {
          case FIFO -> TarConstants.LF_FIFO;
          case CHAR -> TarConstants.LF_CHR;
          default -> TarConstants.LF_BLK;
        };
    TarArchiveEntry e = new TarArchiveEntry(name(p), flag);
    if (kind != Kind.FIFO) {
      e.setDevMajor(r.nextInt(300));
      e.setDevMinor(r.nextInt(r.nextBoolean() ? 256 : 1 << 20));
    }
    emit(e, null, p, kind, null, false);
  }

  /** A whiteout for a lower-layer path, one this layer made (no effect), or a missing name. */
  private void whiteout() {
    List<String> ps = tree.paths(n -> true);
    String victim = ps.get(r.nextInt(ps.size()));
    if (victim.isEmpty() || r.nextInt(8) == 0) {
      victim = ModelTree.child(victim, "gone");
      if (tree.get(ModelTree.parent(victim)).kind != Kind.DIR) {
        return;
      }
    }
    String wh = ModelTree.child(ModelTree.parent(victim), ".wh." + base(victim));
    if (tree.listed(wh)) {
      return;
    }
    layer.add(new Entry(whiteoutEntry(wh), new byte[0]));
    tree.listWhiteout(wh);
    tree.whiteout(victim);
  }

  private void opaque(String dir) {
    String wh = ModelTree.child(dir, ".wh..wh..opq");
    if (!tree.listed(wh)) {
      layer.add(new Entry(whiteoutEntry(wh), new byte[0]));
      tree.listWhiteout(wh);
      tree.opaque(dir);
    }
  }

  private TarArchiveEntry whiteoutEntry(String wh) {
    TarArchiveEntry e = new TarArchiveEntry(name(wh));
    e.setMode(0);
    e.setLastModifiedTime(FileTime.from(time()));
    return e;
  }

  /** An entry written through a symlink to a directory: the name keeps the symlink. */
  private void throughSymlink() {
    List<String> links = tree.paths(n -> n.kind == Kind.SYMLINK);
    if (links.isEmpty()) {
      return;
    }
    String link = links.get(r.nextInt(links.size()));
    String dir = tree.resolveDir(link);
    if (dir == null) {
      return;
    }
    String leaf = NAMES[r.nextInt(NAMES.length)];
    String p = ModelTree.child(dir, leaf);
    if (r.nextBoolean()) {
      regular(p, link + "/" + leaf);
    } else if (free(p)) {
      TarArchiveEntry e = new TarArchiveEntry(name(link + "/" + leaf) + "/");
      emit(e, null, p, Kind.DIR, null, true);
    }
  }

  /** A directory a symlink points at becomes a symlink back to it: a loop. */
  private void loop() {
    List<String> links = tree.paths(n -> n.kind == Kind.SYMLINK);
    if (links.isEmpty()) {
      return;
    }
    String link = links.get(r.nextInt(links.size()));
    String dir = tree.resolveDir(link);
    if (dir == null || !free(dir) || link.startsWith(dir + "/")) {
      return;
    }
    TarArchiveEntry e = new TarArchiveEntry(name(dir), TarConstants.LF_SYMLINK);
    e.setLinkName("/" + link);
    emit(e, null, dir, Kind.SYMLINK, "/" + link, false);
  }

  /** Owner, mode, time and xattrs, then the entry goes into the layer and the model. */
  private void emit(
      TarArchiveEntry e, byte[] data, String p, Kind kind, String target, boolean userXattrs) {
    e.setIds(IDS[r.nextInt(IDS.length)], IDS[r.nextInt(IDS.length)]);
    e.setMode(r.nextInt(3) == 0 ? r.nextInt(010000) : new int[] {0755, 0644, 0700}[r.nextInt(3)]);
    Instant t = time();
    e.setLastModifiedTime(FileTime.from(t));
    for (int n = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0; n > 0; n--) {
      String ns = userXattrs && r.nextBoolean() ? "user." : "trusted.";
      e.addPaxHeader("SCHILY.xattr." + ns + NAMES[r.nextInt(5)], VALUES[r.nextInt(VALUES.length)]);
    }
    layer.add(new Entry(e, data));
    tree.add(p, kind, target, t);
  }

  /** Mostly ordinary seconds; also 100 ns fractions, the epoch, 1930s, 2038 and past 2262. */
  private Instant time() {
    int pick = r.nextInt(20);
    long second = 315_532_800L + (long) (r.nextDouble() * 1_261_440_000L); // 1980 .. 2020
    if (pick < 11) {
      return Instant.ofEpochSecond(second);
    } else if (pick < 14) {
      return Instant.ofEpochSecond(second, r.nextInt(10_000_000) * 100L);
    } else if (pick < 15) {
      return Instant.EPOCH;
    } else if (pick < 16) {
      return Instant.ofEpochSecond(-1_200_000_000L + r.nextInt(1_000_000_000));
    } else if (pick < 17) {
      return Instant.ofEpochSecond((1L << 31) - 2 + r.nextInt(4));
    }
    long future = 9_224_000_000L + (long) (r.nextDouble() * 4_000_000_000L); // 2262 .. 2389
    return Instant.ofEpochSecond(future, r.nextInt(10_000_000) * 100L);
  }

  /** The tar name for {@code p}: sometimes with a leading "./". */
  private String name(String p) {
    return r.nextInt(4) == 0 ? "./" + p : p;
  }

  private static String base(String p) {
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
