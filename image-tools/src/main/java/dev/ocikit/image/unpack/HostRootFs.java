package dev.ocikit.image.unpack;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.ocikit.image.UnpackException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The privileged {@link RootFs} on the host filesystem. As a second line of defence every call
 * checks that its path lies lexically inside the root. Device nodes and FIFOs, times and extended
 * attributes go through {@link Syscalls} (the C library, no process per entry), because Java has no
 * mknod and its setTimes opens the file (which blocks on a FIFO and may act on a device).
 */
class HostRootFs implements RootFs {
  private static final Set<OpenOption> CREATE_NEW_FILE =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW_LINKS);

  private final Path root;
  private final Syscalls calls;

  HostRootFs(Path root) {
    this(root, Syscalls.HOST);
  }

  /** With the given calls, so tests can run the command fallback where JNA works. */
  HostRootFs(Path root, Syscalls calls) {
    this.root = root.toAbsolutePath().normalize();
    this.calls = calls;
  }

  /** Refuses any path not lexically under the root; the resolver should make this unreachable. */
  Path inside(Path p) throws IOException {
    Path n = p.toAbsolutePath().normalize();
    if (!n.startsWith(root)) {
      throw new UnpackException("internal error: refusing filesystem call outside the root: " + p);
    }
    return n;
  }

  @Override
  public Kind kind(Path p) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(inside(p), BasicFileAttributes.class, NOFOLLOW_LINKS);
    } catch (java.nio.file.FileSystemException e) {
      // ENOTDIR (a parent is a file) is "missing" too, as for securejoin.
      if (e instanceof java.nio.file.NoSuchFileException || isNotDir(e)) {
        return Kind.MISSING;
      }
      throw e;
    }
    if (a.isSymbolicLink()) {
      return Kind.SYMLINK;
    }
    if (a.isDirectory()) {
      return Kind.DIRECTORY;
    }
    return a.isRegularFile() ? Kind.REGULAR : Kind.SPECIAL;
  }

  private static boolean isNotDir(java.nio.file.FileSystemException e) {
    return e.getReason() != null && e.getReason().contains("Not a directory");
  }

  @Override
  public String readSymlink(Path p) throws IOException {
    return Files.readSymbolicLink(inside(p)).toString();
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(inside(dir))) {
      return new ArrayList<>(s.toList());
    }
  }

  @Override
  public FileTime mtime(Path p) throws IOException {
    return calls.mtime(inside(p));
  }

  @Override
  public void mkdir(Path p, int perms) throws IOException {
    Files.createDirectory(inside(p), permissions(perms));
  }

  @Override
  public OutputStream createFile(Path p, int perms) throws IOException {
    // CREATE_NEW is O_EXCL: it fails on any existing name, a dangling symlink included.
    return Channels.newOutputStream(
        Files.newByteChannel(inside(p), CREATE_NEW_FILE, permissions(perms)));
  }

  /** One attribute per permission-bit pattern, made once: a layer uses a handful of modes. */
  private static final FileAttribute<?>[] PERMISSIONS = new FileAttribute<?>[01000];

  static {
    PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
    for (int perms = 0; perms < PERMISSIONS.length; perms++) {
      Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
      for (int i = 0; i < all.length; i++) {
        if ((perms & (0400 >> i)) != 0) {
          set.add(all[i]);
        }
      }
      PERMISSIONS[perms] = PosixFilePermissions.asFileAttribute(set);
    }
  }

  private static FileAttribute<?> permissions(int perms) {
    return PERMISSIONS[perms & 0777];
  }

  @Override
  public void symlink(Path link, String target) throws IOException {
    Files.createSymbolicLink(inside(link), link.getFileSystem().getPath(target));
  }

  @Override
  public void link(Path link, Path existing) throws IOException {
    // link(2) on Linux does not follow a symlink given as the existing name.
    Files.createLink(inside(link), inside(existing));
  }

  @Override
  public void mknod(Path p, NodeType type, int perms, int major, int minor) throws IOException {
    calls.mknod(inside(p), type, perms, major, minor);
  }

  @Override
  public void remove(Path p) throws IOException {
    Files.delete(inside(p));
  }

  @Override
  public void chown(Path p, int uid, int gid) throws IOException {
    Path q = inside(p);
    // NOFOLLOW_LINKS makes the JDK use lchown(2), so a symlink itself is chowned.
    Files.setAttribute(q, "unix:uid", uid, NOFOLLOW_LINKS);
    Files.setAttribute(q, "unix:gid", gid, NOFOLLOW_LINKS);
  }

  @Override
  public void chmod(Path p, int mode, Kind kind) throws IOException {
    if (kind == Kind.SYMLINK) {
      throw new UnpackException("internal error: chmod on a symlink: " + p);
    }
    // Following is safe here: the caller checked the final component is not a symlink, and the
    // follow variant is a plain chmod(2) whereas NOFOLLOW_LINKS would open() the file.
    Files.setAttribute(inside(p), "unix:mode", mode & 07777);
  }

  @Override
  public void setTimes(Path p, FileTime mtime, FileTime atime, Kind kind) throws IOException {
    calls.setTimes(inside(p), mtime, atime, kind);
  }

  @Override
  public String setXattr(Path p, String name, byte[] value, Kind kind) throws IOException {
    return calls.setXattr(inside(p), name, value, kind);
  }

  @Override
  public List<String> listXattrs(Path p, Kind kind) throws IOException {
    return calls.listXattrs(inside(p), kind);
  }

  @Override
  public void removeXattr(Path p, String name, Kind kind) throws IOException {
    calls.removeXattr(inside(p), name, kind);
  }
}
