package dev.ocikit.image.unpack;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.ocikit.image.UnsafeDestinationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Resolves the destination of an unpack to a real path that no other user can change, creating what
 * is missing with mode 0700. The staging tree lives in that directory and is later renamed there; a
 * user who could rename entries in it, or in any directory on the way to it, could move the staging
 * tree away and put a symlink in its place while we write.
 *
 * <p>Every directory on the way (symlinks expanded as the kernel would) must belong to root or to
 * this process's user and be writable by nobody else, except a sticky directory such as {@code
 * /tmp}, where others cannot rename what they do not own: there the entry we go through must belong
 * to root or to us. The destination itself must be writable by nobody else, sticky or not.
 */
final class DestinationCheck {
  /** The kernel's own bound on symlinks per lookup. */
  private static final int MAX_SYMLINKS = 40;

  private static final int STICKY = 01000;
  private static final int OTHERS_WRITE = 022;

  private final Path dest;
  private final int self;

  private DestinationCheck(Path dest, int self) {
    this.dest = dest;
    this.self = self;
  }

  /**
   * Returns the real path of {@code dest}, created (with missing parents) mode 0700 if absent.
   *
   * @throws UnsafeDestinationException if another user could change it or a directory above it
   * @throws FileSystemException if it, or a component of its path, is not a directory
   */
  static Path resolve(Path dest) throws IOException {
    return new DestinationCheck(dest, effectiveUid()).walk();
  }

  private Path walk() throws IOException {
    Path abs = dest.toAbsolutePath();
    Deque<String> todo = new ArrayDeque<>();
    for (Path c : abs) {
      todo.add(c.toString());
    }
    Path top = abs.getRoot();
    Path cur = top;
    Map<String, Object> curAttrs = attributes(cur);
    checkOwner(cur, curAttrs);
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.pollFirst();
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        // Already checked: the parent of a checked real path is a checked real path.
        cur = cur.getParent() == null ? top : cur.getParent();
        curAttrs = attributes(cur);
        continue;
      }
      Path next = cur.resolve(c);
      Map<String, Object> a = attributesOrNull(next);
      if (a == null) {
        if ((mode(curAttrs) & OTHERS_WRITE) != 0 && (mode(curAttrs) & STICKY) == 0) {
          throw writable(cur, curAttrs); // before creating anything in it
        }
        try {
          Files.createDirectory(
              next,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
          Files.setAttribute(next, "unix:mode", 0700, NOFOLLOW_LINKS); // whatever the umask
        } catch (FileAlreadyExistsException raced) {
          // Someone made it meanwhile: look at what is there now.
        }
        todo.addFirst(c);
        continue;
      }
      checkEntry(cur, curAttrs, next, a);
      int type = mode(a) & 0170000;
      if (type == 0120000) {
        if (++links > MAX_SYMLINKS) {
          throw new FileSystemException(next.toString(), null, "too many levels of symlinks");
        }
        String target = Files.readSymbolicLink(next).toString();
        List<String> parts = List.of(target.split("/"));
        for (int i = parts.size() - 1; i >= 0; i--) {
          todo.addFirst(parts.get(i));
        }
        if (target.startsWith("/")) {
          cur = top;
          curAttrs = attributes(top);
        }
        continue;
      }
      if (type != 0040000) {
        // A wrong destination is a usage error, not a fault of the image.
        throw new FileSystemException(
            todo.isEmpty() ? dest.toString() : next.toString(),
            null,
            "exists and is not a directory");
      }
      checkOwner(next, a);
      cur = next;
      curAttrs = a;
    }
    if ((mode(curAttrs) & OTHERS_WRITE) != 0) {
      throw writable(cur, curAttrs);
    }
    return cur;
  }

  /** {@code entry} is reached through {@code dir}: can anyone else replace it there? */
  private void checkEntry(Path dir, Map<String, Object> dirAttrs, Path entry, Map<String, Object> a)
      throws UnsafeDestinationException {
    int m = mode(dirAttrs);
    if ((m & OTHERS_WRITE) == 0) {
      return;
    }
    if ((m & STICKY) == 0) {
      throw writable(dir, dirAttrs);
    }
    if (!trusted(uid(a))) {
      throw unsafe(
          entry,
          String.format(
              "owned by uid %d in the shared directory %s (mode %04o)", uid(a), dir, m & 07777));
    }
  }

  private void checkOwner(Path dir, Map<String, Object> a) throws UnsafeDestinationException {
    if (!trusted(uid(a))) {
      throw unsafe(dir, String.format("owned by uid %d (mode %04o)", uid(a), mode(a) & 07777));
    }
  }

  private boolean trusted(int uid) {
    return uid == 0 || uid == self;
  }

  private UnsafeDestinationException writable(Path dir, Map<String, Object> a) {
    return unsafe(
        dir,
        String.format(
            "writable by other users (mode %04o, owner uid %d)", mode(a) & 07777, uid(a)));
  }

  private UnsafeDestinationException unsafe(Path where, String why) {
    return new UnsafeDestinationException(
        where, why + "; they could redirect an unpack into " + dest);
  }

  private static int mode(Map<String, Object> a) {
    return (Integer) a.get("mode");
  }

  private static int uid(Map<String, Object> a) {
    return (Integer) a.get("uid");
  }

  private static Map<String, Object> attributes(Path p) throws IOException {
    return Files.readAttributes(p, "unix:mode,uid", NOFOLLOW_LINKS);
  }

  private static Map<String, Object> attributesOrNull(Path p) throws IOException {
    try {
      return attributes(p);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** The second number of the {@code Uid:} line of {@code /proc/self/status}. */
  static int effectiveUid() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
      if (l.startsWith("Uid:")) {
        return Integer.parseInt(l.substring(4).trim().split("\\s+")[1]);
      }
    }
    throw new IOException("no Uid line in /proc/self/status");
  }
}
