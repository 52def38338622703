package dev.ocikit.image.unpack;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * The calls on a path's final component that the JDK cannot make without opening the file (which
 * blocks on a FIFO and may act on a device) or at all: create a device node or FIFO, set times and
 * extended attributes of any kind of file. None follows a final symlink. Paths are already checked
 * to lie inside the root.
 */
interface Syscalls {
  /** The C library's calls where JNA binds them, else the external commands. */
  Syscalls HOST = Libc.unavailable() == null ? new LibcSyscalls() : new CommandSyscalls();

  /**
   * Creates a FIFO or device node asking for permission bits {@code perms & 0777} (less the umask),
   * like {@link RootFs#mkdir}.
   *
   * @throws java.nio.file.FileAlreadyExistsException if anything exists at {@code p}
   */
  void mknod(Path p, RootFs.NodeType type, int perms, int major, int minor) throws IOException;

  /** The modification time of {@code p} itself, exact (the JDK keeps microseconds past 2262). */
  FileTime mtime(Path p) throws IOException;

  /** Sets both times exactly (nanoseconds, any year the filesystem can hold) on the link itself. */
  void setTimes(Path p, FileTime mtime, FileTime atime, RootFs.Kind kind) throws IOException;

  /** Sets one extended attribute of any namespace; returns a warning if it cannot be, else null. */
  String setXattr(Path p, String name, byte[] value, RootFs.Kind kind) throws IOException;

  /** Names of the extended attributes {@code p} carries (empty where none are supported). */
  List<String> listXattrs(Path p, RootFs.Kind kind) throws IOException;

  /** Removes one extended attribute; nothing to do when it is already gone. */
  void removeXattr(Path p, String name, RootFs.Kind kind) throws IOException;

  /** A warning for the unpack result when the commands stand in for the C library, else null. */
  static String fallbackWarning() {
    String why = Libc.unavailable();
    return why == null
        ? null
        : "native calls unavailable ("
            + why
            + "): device nodes, FIFOs, their times and xattrs outside user.* are made by running"
            + " mknod(1), touch(1) and setfattr(1), one process per entry";
  }
}
