package dev.ocikit.image.unpack;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Predicts the owner and mode a newly created inode already has, so that the chown and chmod calls
 * that would not change anything can be left out: most entries of most images are owned by root
 * with a mode the umask leaves alone, and two of the few system calls per file are saved.
 *
 * <p>A new inode belongs to the process's filesystem uid and gid and gets the requested permission
 * bits less the umask (all read from {@code /proc/self/status}), except under a directory that is
 * setgid (group and setgid bit inherited) or carries a default ACL (mode from the ACL): such
 * directories, and every directory later created below them, are never predicted. The first
 * prediction per kind of inode is checked with a {@code stat}; one miss turns predictions off for
 * the rest of the run. With nothing known (no {@code /proc}, rootless mode) nothing is predicted.
 *
 * <p>It also follows the directories given a default ACL (and those created below them, which
 * inherit it), where a new inode starts with an ACL of its own that its entry may not carry.
 */
final class FreshInodes {
  private static final String DEFAULT_ACL = "system.posix_acl_default";

  private final int uid;
  private final int gid;
  private final int umask;
  private final Set<Path> unpredictable = new HashSet<>();
  private final Set<Path> defaultAcl = new HashSet<>();
  private final Set<String> checked = new HashSet<>(); // kind, and whether the owner was
  private boolean enabled;

  private FreshInodes(int uid, int gid, int umask) {
    this.uid = uid;
    this.gid = gid;
    this.umask = umask;
    this.enabled = uid >= 0 && gid >= 0 && umask >= 0;
  }

  /** Predicts nothing (every chown and chmod is made) but still follows default ACLs. */
  static FreshInodes none() {
    return new FreshInodes(-1, -1, -1);
  }

  /** Predictions for new inodes under {@code root}, from this process's credentials and umask. */
  static FreshInodes forRoot(Path root) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8);
      FreshInodes f =
          new FreshInodes(field(lines, "Uid:", 3), field(lines, "Gid:", 3), octal(lines, "Umask:"));
      if (f.enabled && (((Integer) Files.getAttribute(root, "unix:mode")) & 02000) != 0) {
        f.unpredictable.add(root);
      }
      return f;
    } catch (IOException | RuntimeException unknown) {
      return none();
    }
  }

  /** The fourth number on a "Uid:"/"Gid:" line is the filesystem id, the one new files get. */
  private static int field(List<String> lines, String key, int index) {
    for (String l : lines) {
      if (l.startsWith(key)) {
        return Integer.parseInt(l.substring(key.length()).trim().split("\\s+")[index]);
      }
    }
    return -1;
  }

  private static int octal(List<String> lines, String key) {
    for (String l : lines) {
      if (l.startsWith(key)) {
        return Integer.parseInt(l.substring(key.length()).trim(), 8);
      }
    }
    return -1;
  }

  /** True when a new inode in {@code parent} is already owned by {@code uid}:{@code gid}. */
  boolean ownerMatches(Path parent, int wantUid, int wantGid) {
    return enabled && wantUid == uid && wantGid == gid && !unpredictable.contains(parent);
  }

  /**
   * True when a new inode of {@code kind} in {@code parent}, created asking for {@code mode &
   * 0777}, already has exactly {@code mode}.
   */
  boolean modeMatches(Path parent, int mode, RootFs.Kind kind) {
    return enabled
        && kind != RootFs.Kind.SYMLINK
        && (mode & 07000) == 0
        && (mode & umask) == 0
        && !unpredictable.contains(parent);
  }

  /**
   * Checks the first prediction for each kind of inode (with and without the owner) against the
   * filesystem; false (and no more predictions) when it was wrong, so the caller sets owner and
   * mode itself.
   */
  boolean confirm(Path p, RootFs.Kind kind, boolean owner, int wantUid, int wantGid, int mode)
      throws IOException {
    if (!enabled) {
      return false;
    }
    String what = kind + (owner ? "+owner" : "");
    if (checked.contains(what)) {
      return true;
    }
    Map<String, Object> a = Files.readAttributes(p, "unix:uid,gid,mode", NOFOLLOW_LINKS);
    boolean ok =
        (!owner || ((Integer) a.get("uid") == wantUid && (Integer) a.get("gid") == wantGid))
            && (kind == RootFs.Kind.SYMLINK || ((Integer) a.get("mode") & 07777) == mode);
    if (ok) {
      checked.add(what);
    } else {
      enabled = false;
    }
    return ok;
  }

  /** A directory was created in {@code parent}: it inherits a setgid bit or default ACL. */
  void directoryCreated(Path dir, Path parent) {
    if (unpredictable.contains(parent)) {
      unpredictable.add(dir);
    }
    if (defaultAcl.contains(parent)) {
      defaultAcl.add(dir);
    }
  }

  /**
   * True when a new inode in {@code parent} starts with xattrs of its own: the ACL the kernel
   * derives from the directory's default ACL.
   */
  boolean inheritsXattrs(Path parent) {
    return defaultAcl.contains(parent);
  }

  /** A directory's mode was set: a setgid bit makes its new children unpredictable. */
  void directoryMode(Path dir, int mode) {
    if ((mode & 02000) != 0) {
      unpredictable.add(dir);
    }
  }

  /** An xattr was set; a default ACL decides the mode of new children instead of the umask. */
  void xattrSet(Path p, String name) {
    if (name.equals(DEFAULT_ACL)) {
      unpredictable.add(p);
      defaultAcl.add(p);
    }
  }

  /** An xattr was removed; without a default ACL new children inherit none. */
  void xattrRemoved(Path p, String name) {
    if (name.equals(DEFAULT_ACL)) {
      defaultAcl.remove(p);
    }
  }
}
