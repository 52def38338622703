package dev.ocikit.conformance.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The mount table a complying kernel and runtime would give a container, computed from config.json
 * alone for {@link ScriptedMounts}: each entry mounted in the listed order, per-mount flags and
 * superblock flags as mount(8) and the kernel set them (the last of two conflicting options wins;
 * relatime unless noatime or strictatime), binds copying their source mount (rbind with its
 * submounts, host ones included), recursive options on the whole copied tree, and the propagation
 * of peer groups (a bind of a shared mount joins its group; a mount under a shared parent gets a
 * group of its own). Events propagated between peers after a mount is made are not modelled: no
 * mount judged here is made below a peer once its group has another member.
 */
final class ScriptedMountTable {
  /** Options whose "r" form applies them to a bind and all its submounts. */
  private static final Set<String> RECURSIVE =
      Set.of(
          "ro",
          "rw",
          "suid",
          "nosuid",
          "dev",
          "nodev",
          "exec",
          "noexec",
          "atime",
          "noatime",
          "diratime",
          "nodiratime",
          "relatime",
          "norelatime",
          "strictatime",
          "nostrictatime",
          "symfollow",
          "nosymfollow",
          "shared",
          "private",
          "slave",
          "unbindable");

  /** Options with no trace in mountinfo, or structural ones handled by the caller. */
  private static final Set<String> SILENT =
      Set.of("iversion", "noiversion", "loud", "silent", "bind", "rbind", "remount");

  /** A create error, as the runtime prints it. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  /** One mount: where it is, its flags and its propagation. */
  static final class Mnt {
    int id;
    int parent;
    String point;
    Path host;
    String fs;
    String source;
    boolean ro;
    boolean sbRo;
    final Set<String> flags = new LinkedHashSet<>();
    String atime = "relatime";
    final Set<String> sb = new LinkedHashSet<>();
    final List<String> fsOptions = new ArrayList<>();
    int peer;
    int master;
    boolean unbindable;

    Mnt copy() {
      Mnt c = new Mnt();
      c.fs = fs;
      c.source = source;
      c.ro = ro;
      c.sbRo = sbRo;
      c.flags.addAll(flags);
      c.atime = atime;
      c.sb.addAll(sb);
      c.fsOptions.addAll(fsOptions);
      c.peer = peer;
      c.master = master;
      c.unbindable = unbindable;
      return c;
    }

    /** The mountinfo line, fields as proc(5) orders them and flags as the kernel prints them. */
    String line() {
      List<String> m = new ArrayList<>(List.of(ro ? "ro" : "rw"));
      for (String f : List.of("nosuid", "nodev", "noexec")) {
        if (flags.contains(f)) {
          m.add(f);
        }
      }
      if (atime.equals("noatime")) {
        m.add("noatime");
      }
      if (flags.contains("nodiratime")) {
        m.add("nodiratime");
      }
      if (atime.equals("relatime")) {
        m.add("relatime");
      }
      if (flags.contains("nosymfollow")) {
        m.add("nosymfollow");
      }
      List<String> s = new ArrayList<>(List.of(sbRo ? "ro" : "rw"));
      s.addAll(sb);
      s.addAll(fsOptions);
      StringBuilder tags = new StringBuilder();
      if (peer != 0) {
        tags.append(" shared:").append(peer);
      }
      if (master != 0) {
        tags.append(" master:").append(master);
      }
      if (unbindable) {
        tags.append(" unbindable");
      }
      return id
          + " "
          + parent
          + " 0:"
          + id
          + " / "
          + point
          + " "
          + String.join(",", m)
          + tags
          + " - "
          + fs
          + " "
          + source
          + " "
          + String.join(",", s);
    }
  }

  private final Path rootfs;
  private final List<Mnt> host;
  private final List<Mnt> mounts = new ArrayList<>();
  private int nextId = 1;
  private int nextGroup = 1;

  /**
   * @param rootfs the host path of the container's root
   * @param rootReadonly root.readonly
   * @param rootTags the root's propagation: "shared", "slave", "unbindable" or "private"
   * @param host the host's mounts below the bundle (their mount points are host paths)
   */
  ScriptedMountTable(Path rootfs, boolean rootReadonly, String rootTags, List<Mnt> host) {
    this.rootfs = rootfs;
    this.host = host;
    Mnt root = fresh("overlay", "overlay");
    root.point = "/";
    root.host = rootfs;
    root.ro = rootReadonly;
    switch (rootTags) {
      case "shared" -> root.peer = group();
      // The host's shared mount holding the bundle is its master.
      case "slave" -> root.master = group();
      case "unbindable" -> root.unbindable = true;
      default -> {}
    }
    root.id = nextId++;
    mounts.add(root);
  }

  private int group() {
    return nextGroup++;
  }

  static Mnt fresh(String fs, String source) {
    Mnt m = new Mnt();
    m.fs = fs;
    m.source = source;
    return m;
  }

  /**
   * A host mount's mountinfo line, its mount point the host path {@code point}: a new mount of
   * {@code fs} with {@code fsOptions}, then given {@code flags} (comma-separated, may be null) by a
   * bind remount, as {@code mount -o remount,bind,FLAGS} does.
   */
  static String hostLine(int id, Path point, String fs, List<String> fsOptions, String flags) {
    ScriptedMountTable t = new ScriptedMountTable(Path.of("/"), false, "private", List.of());
    Mnt m = fresh(fs, fs);
    m.fsOptions.addAll(fsOptions);
    m.id = id;
    m.parent = 1;
    m.point = point.toString();
    if (flags != null) {
      t.apply(List.of(m), List.of(flags.split(",")), false);
    }
    return m.line();
  }

  /** The mountinfo text, one line per mount in the order they were made. */
  String text() {
    StringBuilder b = new StringBuilder();
    mounts.forEach(m -> b.append(m.line()).append('\n'));
    return b.toString();
  }

  /** Mounts one config entry: {@code dest} absolute inside the container. */
  void mount(String dest, String type, String source, List<String> options) throws Refused {
    if (options.contains("remount")) {
      Mnt m = last(dest);
      if (m == null) {
        throw new Refused("remount of " + dest + ": no mount there: invalid argument");
      }
      apply(List.of(m), options, true);
      return;
    }
    boolean bind = type.equals("bind") || options.contains("bind") || options.contains("rbind");
    if (!bind) {
      Mnt m = fresh(type, source.isEmpty() ? type : source);
      attach(m, dest);
      apply(List.of(m), options, true);
      return;
    }
    Path src = Path.of(source);
    Mnt from = holder(src);
    if (from.unbindable) {
      throw new Refused("mount " + src + ":" + dest + ": invalid argument (unbindable source)");
    }
    List<Mnt> tree = new ArrayList<>();
    tree.add(attach(bound(from), dest));
    if (options.contains("rbind")) {
      List<Mnt> below = new ArrayList<>();
      for (Mnt m : host) {
        if (strictlyUnder(m.host, src)) {
          below.add(m);
        }
      }
      for (Mnt m : List.copyOf(mounts)) {
        if (m != tree.get(0) && strictlyUnder(m.host, src)) {
          below.add(m);
        }
      }
      for (Mnt m : below) {
        tree.add(attach(bound(m), dest + "/" + src.relativize(m.host)));
      }
    }
    apply(tree, options, false);
  }

  /** A bind's copy of {@code from}: its flags and superblock; a peer of it when it is shared. */
  private static Mnt bound(Mnt from) {
    Mnt c = from.copy();
    c.unbindable = false;
    return c;
  }

  private Mnt attach(Mnt m, String point) {
    m.id = nextId++;
    m.point = point;
    m.host = rootfs.resolve(point.substring(1));
    Mnt parent = parentOf(point);
    m.parent = parent.id;
    if (parent.peer != 0 && m.peer == 0) {
      m.peer = group();
    }
    mounts.add(m);
    return m;
  }

  /** {@return every mount, in the order they were made} */
  List<Mnt> mounts() {
    return List.copyOf(mounts);
  }

  /** The visible mount holding {@code point}: the last one at its longest mounted prefix. */
  Mnt parentOf(String point) {
    Mnt best = mounts.get(0);
    for (Mnt m : mounts) {
      if (under(point, m.point) && m.point.length() >= best.point.length()) {
        best = m;
      }
    }
    return best;
  }

  /** The mount holding host path {@code p}: a container mount, a host one, else the host's root. */
  private Mnt holder(Path p) {
    Mnt best = null;
    List<Mnt> all = new ArrayList<>(host);
    all.addAll(mounts);
    for (Mnt m : all) {
      if (p.startsWith(m.host)
          && (best == null || m.host.getNameCount() >= best.host.getNameCount())) {
        best = m;
      }
    }
    if (best == null) {
      best = fresh("ext4", "/dev/root");
      best.host = Path.of("/");
    }
    return best;
  }

  private Mnt last(String point) {
    Mnt found = null;
    for (Mnt m : mounts) {
      if (m.point.equals(point)) {
        found = m;
      }
    }
    return found;
  }

  /**
   * Applies options in order: plain ones to the first mount of {@code tree}, "r" ones to all. A new
   * mount's ro and rw reach its superblock ({@code fresh}); a bind's only the mount.
   */
  private void apply(List<Mnt> tree, List<String> options, boolean fresh) {
    for (String o : options) {
      String plain =
          o.startsWith("r") && RECURSIVE.contains(o.substring(1)) ? o.substring(1) : null;
      if (plain != null) {
        tree.forEach(m -> set(m, plain, false));
      } else {
        set(tree.get(0), o, fresh);
      }
    }
  }

  private void set(Mnt m, String o, boolean fresh) {
    switch (o) {
      case "ro", "rw" -> {
        m.ro = o.equals("ro");
        if (fresh) {
          m.sbRo = m.ro;
        }
      }
      case "nosuid", "nodev", "noexec", "nodiratime", "nosymfollow" -> m.flags.add(o);
      case "suid", "dev", "exec", "diratime", "symfollow" -> m.flags.remove("no" + o);
      case "noatime", "relatime", "strictatime" -> m.atime = o;
      // Clearing one atime mode leaves the kernel's default, relatime.
      case "atime" -> m.atime = m.atime.equals("noatime") ? "relatime" : m.atime;
      case "nostrictatime" -> m.atime = m.atime.equals("strictatime") ? "relatime" : m.atime;
      case "norelatime" -> {}
      case "sync", "dirsync", "lazytime" -> {
        if (fresh) {
          m.sb.add(o);
        }
      }
      case "async" -> m.sb.remove("sync");
      case "nolazytime" -> m.sb.remove("lazytime");
      case "defaults" -> {
        set(m, "rw", fresh);
        List.of("nosuid", "nodev", "noexec").forEach(m.flags::remove);
        m.sb.remove("sync");
      }
      case "shared" -> m.peer = m.peer == 0 ? group() : m.peer;
      case "private" -> {
        m.peer = 0;
        m.master = 0;
        m.unbindable = false;
      }
      case "slave" -> {
        if (m.peer != 0) {
          m.master = m.peer;
          m.peer = 0;
        }
      }
      case "unbindable" -> {
        m.peer = 0;
        m.master = 0;
        m.unbindable = true;
      }
      default -> {
        if (fresh && !SILENT.contains(o)) {
          m.fsOptions.add(o);
        }
      }
    }
  }

  private static boolean under(String path, String dir) {
    return dir.equals("/")
        || path.equals(dir)
        || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
  }

  private static boolean strictlyUnder(Path p, Path dir) {
    return p.startsWith(dir) && !p.equals(dir);
  }
}
