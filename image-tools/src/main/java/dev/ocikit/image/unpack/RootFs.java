package dev.ocikit.image.unpack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * Every filesystem call the applier makes. Paths handed in are already resolved inside the root by
 * {@link RootResolver}; implementations never follow a symlink in the final component. Swapped for
 * rootless mode ({@link RootlessRootFs}) and in tests.
 */
interface RootFs {

  /** What is at a path, without following a final symlink. */
  enum Kind {
    MISSING,
    DIRECTORY,
    REGULAR,
    SYMLINK,
    /** FIFO, character or block device, socket: opening one may block or have side effects. */
    SPECIAL
  }

  /** Node types for {@link #mknod}. */
  enum NodeType {
    FIFO,
    CHAR,
    BLOCK
  }

  Kind kind(Path p) throws IOException;

  String readSymlink(Path p) throws IOException;

  List<Path> list(Path dir) throws IOException;

  FileTime mtime(Path p) throws IOException;

  /**
   * Creates a directory asking for permission bits {@code perms & 0777} (less the umask).
   *
   * @throws java.nio.file.FileAlreadyExistsException if anything exists at {@code p}
   */
  void mkdir(Path p, int perms) throws IOException;

  /**
   * Creates a new regular file (never opening an existing one) asking for permission bits {@code
   * perms & 0777} (less the umask), and returns its stream.
   *
   * @throws java.nio.file.FileAlreadyExistsException if anything exists at {@code p}, a dangling
   *     symlink included
   */
  OutputStream createFile(Path p, int perms) throws IOException;

  /** Creates a symlink; {@link java.nio.file.FileAlreadyExistsException} if the name is taken. */
  void symlink(Path link, String target) throws IOException;

  /** Creates a hardlink; {@link java.nio.file.FileAlreadyExistsException} if the name is taken. */
  void link(Path link, Path existing) throws IOException;

  /**
   * Creates a FIFO or device node asking for permission bits {@code perms & 0777} (less the umask),
   * without a process and without opening it.
   */
  void mknod(Path p, NodeType type, int perms, int major, int minor) throws IOException;

  /** Removes one non-directory or empty directory. */
  void remove(Path p) throws IOException;

  void chown(Path p, int uid, int gid) throws IOException;

  /** Sets all 12 permission bits (setuid, setgid, sticky included); never called on symlinks. */
  void chmod(Path p, int mode, Kind kind) throws IOException;

  /**
   * Sets modification and access times to the nanosecond, any year the filesystem can hold, on
   * {@code p} itself (never a symlink's target). {@code kind} must be what is at {@code p}.
   */
  void setTimes(Path p, FileTime mtime, FileTime atime, Kind kind) throws IOException;

  /**
   * Sets one extended attribute (any namespace, binary value) on {@code p} itself; returns a
   * warning when it could not be set, else null.
   */
  String setXattr(Path p, String name, byte[] value, Kind kind) throws IOException;

  /** Names of the extended attributes on {@code p} itself. */
  List<String> listXattrs(Path p, Kind kind) throws IOException;

  /** Removes one extended attribute from {@code p} itself; nothing happens if it is missing. */
  void removeXattr(Path p, String name, Kind kind) throws IOException;

  /** Removes {@code p} and, for a directory, everything below it, never following symlinks. */
  default void removeTree(Path p) throws IOException {
    Kind kind = kind(p);
    if (kind == Kind.MISSING) {
      return;
    }
    if (kind == Kind.DIRECTORY) {
      for (Path child : list(p)) {
        removeTree(child);
      }
    }
    remove(p);
  }
}
