package dev.ocikit.image.unpack;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link Syscalls} where JNA cannot bind the C library: the JDK where it neither opens a FIFO or
 * device nor loses precision, else one process per call ({@code mknod(1)}, {@code touch -h}, {@code
 * setfattr -h}).
 */
final class CommandSyscalls implements Syscalls {
  private static final String USER = "user.";

  @Override
  public void mknod(Path p, RootFs.NodeType type, int perms, int major, int minor)
      throws IOException {
    // -m gives exactly these bits where mknod(2) takes the umask's away; FreshInodes leaves the
    // following chmod out only where the umask takes nothing, so both end with the entry's mode.
    List<String> cmd =
        new ArrayList<>(
            List.of("mknod", "-m", Integer.toOctalString(perms & 0777), "--", p.toString()));
    switch (type) {
      case FIFO -> cmd.add("p");
      case CHAR -> cmd.addAll(List.of("c", Integer.toString(major), Integer.toString(minor)));
      case BLOCK -> cmd.addAll(List.of("b", Integer.toString(major), Integer.toString(minor)));
    }
    try {
      Commands.run(cmd);
    } catch (IOException refused) {
      // The host refused (not root, a full disk): say so for the node, as a refused call does.
      throw new FileSystemException(p.toString(), null, refused.getMessage());
    }
  }

  @Override
  public FileTime mtime(Path p) throws IOException {
    FileTime t = Files.getLastModifiedTime(p, NOFOLLOW_LINKS);
    if (exactIn(t, TimeUnit.NANOSECONDS)) {
      return t;
    }
    // Past 2262 the JDK keeps only microseconds; stat(1) prints the nanoseconds.
    BigDecimal v =
        new BigDecimal(Commands.output(List.of("stat", "-c", "%.9Y", "--", p.toString())));
    long seconds = v.setScale(0, RoundingMode.FLOOR).longValueExact();
    int nanos = v.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).intValueExact();
    return FileTime.from(Instant.ofEpochSecond(seconds, nanos));
  }

  @Override
  public void setTimes(Path p, FileTime mtime, FileTime atime, RootFs.Kind kind)
      throws IOException {
    // The JDK opens what it sets times on (blocks on a FIFO), sets a symlink's only to the
    // microsecond, and saturates other files' at the nanosecond range's end (year 2262).
    boolean jdk =
        switch (kind) {
          case SYMLINK ->
              exactIn(mtime, TimeUnit.MICROSECONDS) && exactIn(atime, TimeUnit.MICROSECONDS);
          case REGULAR, DIRECTORY ->
              exactIn(mtime, TimeUnit.NANOSECONDS) && exactIn(atime, TimeUnit.NANOSECONDS);
          default -> false;
        };
    if (jdk) {
      LinkOption[] follow =
          kind == RootFs.Kind.SYMLINK ? new LinkOption[] {NOFOLLOW_LINKS} : new LinkOption[0];
      Files.getFileAttributeView(p, BasicFileAttributeView.class, follow)
          .setTimes(mtime, atime, null);
      return;
    }
    touch(p, "-m", mtime);
    touch(p, "-a", atime);
  }

  private static boolean exactIn(FileTime t, TimeUnit unit) {
    long v = t.to(unit);
    return v != Long.MAX_VALUE
        && v != Long.MIN_VALUE
        && FileTime.from(v, unit).toInstant().equals(t.toInstant());
  }

  private static void touch(Path p, String which, FileTime t) throws IOException {
    Instant i = t.toInstant();
    String at = "@" + i.getEpochSecond() + "." + String.format("%09d", i.getNano());
    Commands.run(List.of("touch", "-h", "-c", which, "-d", at, "--", p.toString()));
  }

  @Override
  public String setXattr(Path p, String name, byte[] value, RootFs.Kind kind) throws IOException {
    if (name.startsWith(USER) && userXattrs(kind)) {
      view(p).write(name.substring(USER.length()), ByteBuffer.wrap(value));
      return null;
    }
    if (!Commands.available("setfattr")) {
      return "xattr "
          + name
          + " not set: only user.* xattrs on files and directories are"
          + " supported without setfattr(1)";
    }
    String hex = "0x" + HexFormat.of().formatHex(value);
    Commands.run(List.of("setfattr", "-h", "-n", name, "-v", hex, "--", p.toString()));
    return null;
  }

  /** Only user.* names are listed here: the JDK sees no other namespace. */
  @Override
  public List<String> listXattrs(Path p, RootFs.Kind kind) throws IOException {
    List<String> out = new ArrayList<>();
    if (userXattrs(kind)) {
      for (String n : view(p).list()) {
        out.add(USER + n);
      }
    }
    return out;
  }

  @Override
  public void removeXattr(Path p, String name, RootFs.Kind kind) throws IOException {
    if (name.startsWith(USER) && userXattrs(kind)) {
      view(p).delete(name.substring(USER.length()));
    } else {
      Commands.run(List.of("setfattr", "-h", "-x", name, "--", p.toString()));
    }
  }

  /** The kernel allows user.* only on regular files and directories, which the JDK may open. */
  private static boolean userXattrs(RootFs.Kind kind) {
    return kind == RootFs.Kind.REGULAR || kind == RootFs.Kind.DIRECTORY;
  }

  private static UserDefinedFileAttributeView view(Path p) {
    return Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, NOFOLLOW_LINKS);
  }
}
