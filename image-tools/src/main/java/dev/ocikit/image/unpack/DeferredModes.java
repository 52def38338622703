package dev.ocikit.image.unpack;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RootFs} that holds back every owner and mode change that would let another user into the
 * tree or let them change it, until all layers are applied:
 *
 * <ul>
 *   <li>the root's owner, mode and access ACL: until then the root keeps its owner and has mode
 *       0700 plus the setuid/setgid/sticky bits asked for (so new children still inherit a setgid
 *       group), so nothing below it can be reached by anyone else;
 *   <li>a directory's mode with group or other write bits: until then it has those bits cleared;
 *   <li>a directory's new owner when that is not its current owner: until then it keeps its owner
 *       and takes only the new group.
 * </ul>
 *
 * <p>{@link #finishInside()} applies what was held for the directories below the root, {@link
 * #finishRoot} the root's own, last. A directory removed (or replaced) meanwhile is forgotten, so
 * nothing held is ever applied to another object that took its name.
 */
final class DeferredModes extends ForwardingRootFs {
  private static final int OTHERS_WRITE = 022;
  private static final String ACCESS_ACL = "system.posix_acl_access";

  /** What a directory must end with; -1 where nothing is held. */
  private record Held(int uid, int gid, int mode) {
    static final Held NOTHING = new Held(-1, -1, -1);

    Held owner(int u, int g) {
      return new Held(u, g, mode);
    }

    Held mode(int m) {
      return new Held(uid, gid, m);
    }
  }

  private record Xattr(String name, byte[] value) {}

  private final Path root;
  private final int rootOwner;
  private final int self; // owner of the inodes this process creates; -1: owners are not applied
  private final Map<Path, Held> held = new HashMap<>();
  private Held rootHeld;
  private final List<Xattr> rootAcl = new ArrayList<>();

  /**
   * @param rootMode the mode the root ends with when no layer sets one (-1: leave it)
   * @param owners whether owners are applied at all (not in rootless mode)
   */
  DeferredModes(RootFs fs, Path root, int rootMode, boolean owners) throws IOException {
    super(fs);
    this.root = root;
    this.rootOwner = (Integer) Files.getAttribute(root, "unix:uid", NOFOLLOW_LINKS);
    this.self = owners ? DestinationCheck.effectiveUid() : -1;
    this.rootHeld = Held.NOTHING.mode(rootMode);
  }

  @Override
  public void mkdir(Path p, int perms) throws IOException {
    fs.mkdir(p, perms);
    if ((perms & OTHERS_WRITE) == 0) {
      return;
    }
    // What the kernel made of the bits (the umask, a default ACL) is the mode a directory keeps
    // when no chmod follows (a missing parent, or FreshInodes predicting the mode is right); its
    // write bits for others are held back like a chmod's. Made with them first, so nothing has to
    // predict the umask: inside the private tree nobody else can reach it meanwhile.
    int made = (Integer) Files.getAttribute(p, "unix:mode", NOFOLLOW_LINKS) & 07777;
    if ((made & OTHERS_WRITE) != 0) {
      held.put(p, Held.NOTHING.mode(made));
      fs.chmod(p, made & ~OTHERS_WRITE, Kind.DIRECTORY);
    }
  }

  @Override
  public void chown(Path p, int uid, int gid) throws IOException {
    if (p.equals(root)) {
      rootHeld = rootHeld.owner(uid, gid);
      fs.chown(p, rootOwner, gid);
      return;
    }
    if (self < 0 || (uid == self && !held.containsKey(p))) {
      fs.chown(p, uid, gid); // nothing given away: no need to look what p is
      return;
    }
    Map<String, Object> a = Files.readAttributes(p, "unix:uid,mode", NOFOLLOW_LINKS);
    boolean directory = ((Integer) a.get("mode") & 0170000) == 0040000;
    int current = (Integer) a.get("uid");
    if (!directory || (uid == current && !held.containsKey(p))) {
      fs.chown(p, uid, gid);
      return;
    }
    held.put(p, held.getOrDefault(p, Held.NOTHING).owner(uid, gid));
    fs.chown(p, current, gid);
  }

  @Override
  public void chmod(Path p, int mode, Kind kind) throws IOException {
    if (p.equals(root)) {
      rootHeld = rootHeld.mode(mode);
      fs.chmod(p, 0700 | (mode & 07000), kind);
      return;
    }
    if (kind != Kind.DIRECTORY || ((mode & OTHERS_WRITE) == 0 && !held.containsKey(p))) {
      fs.chmod(p, mode, kind);
      return;
    }
    held.put(p, held.getOrDefault(p, Held.NOTHING).mode(mode));
    fs.chmod(p, mode & ~OTHERS_WRITE, kind);
  }

  @Override
  public String setXattr(Path p, String name, byte[] value, Kind kind) throws IOException {
    if (p.equals(root) && name.equals(ACCESS_ACL)) {
      // An access ACL can grant a named user entry to the root whatever its mode says.
      rootAcl.clear(); // the root's entry, listed again, replaces it
      rootAcl.add(new Xattr(name, value.clone()));
      return null;
    }
    return fs.setXattr(p, name, value, kind);
  }

  /** The root's held-back access ACL counts as set, so a later entry for the root can drop it. */
  @Override
  public List<String> listXattrs(Path p, Kind kind) throws IOException {
    List<String> names = fs.listXattrs(p, kind);
    if (p.equals(root) && !rootAcl.isEmpty() && !names.contains(ACCESS_ACL)) {
      names = new ArrayList<>(names);
      names.add(ACCESS_ACL);
    }
    return names;
  }

  @Override
  public void removeXattr(Path p, String name, Kind kind) throws IOException {
    if (p.equals(root) && name.equals(ACCESS_ACL) && !rootAcl.isEmpty()) {
      rootAcl.clear();
      return;
    }
    fs.removeXattr(p, name, kind);
  }

  @Override
  public void remove(Path p) throws IOException {
    held.remove(p);
    fs.remove(p);
  }

  @Override
  public void removeTree(Path p) throws IOException {
    held.keySet().removeIf(k -> k.startsWith(p));
    fs.removeTree(p);
  }

  /** Applies what was held for directories below the root: owner first, as chown may drop bits. */
  void finishInside() throws IOException {
    for (Map.Entry<Path, Held> e : held.entrySet()) {
      Path p = e.getKey();
      Held h = e.getValue();
      if (fs.kind(p) != Kind.DIRECTORY) {
        continue; // unreachable: a removal forgets what was held
      }
      if (h.uid() >= 0) {
        fs.chown(p, h.uid(), h.gid());
      }
      if (h.mode() >= 0) {
        fs.chmod(p, h.mode(), Kind.DIRECTORY);
      }
    }
    held.clear();
  }

  /**
   * Applies the root's held owner, mode and access ACL through {@code target} to {@code at}, where
   * the root is now (it may have been renamed since). Returns the warnings of setting the ACL.
   */
  List<String> finishRoot(RootFs target, Path at) throws IOException {
    if (rootHeld.uid() >= 0) {
      target.chown(at, rootHeld.uid(), rootHeld.gid());
    }
    if (rootHeld.mode() >= 0) {
      target.chmod(at, rootHeld.mode(), Kind.DIRECTORY);
    }
    List<String> warnings = new ArrayList<>();
    for (Xattr x : rootAcl) {
      String w = target.setXattr(at, x.name(), x.value(), Kind.DIRECTORY);
      if (w != null) {
        warnings.add("root directory: " + w);
      }
    }
    return warnings;
  }
}
