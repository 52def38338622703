package dev.ocikit.image.unpack;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.ocikit.image.UnpackException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where one unpack builds its tree: {@code dest/.rootfs-N}, created mode 0700, with the lock file
 * {@code dest/.rootfs-N.lock} locked by this process ({@code fcntl}, released by the kernel when
 * the process dies, however it dies) and the files to publish beside {@code rootfs} written as
 * {@code dest/.rootfs-N.NAME}. A later unpack into the same destination tells a leftover of a dead
 * process from a running unpack by that lock ({@link StaleStaging}).
 *
 * <p>{@link #close()} removes everything that was not published, then the lock file, and only then
 * releases the lock.
 */
final class StagingDirectory implements Closeable {
  static final String PREFIX = ".rootfs-";
  static final String LOCK_SUFFIX = ".lock";

  /**
   * Lock files this process holds. Closing any descriptor of a file drops every {@code fcntl} lock
   * the process has on it, so {@link StaleStaging} must never open one of these.
   */
  static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIR =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private final Path dest;
  private final String name;
  private final Path lockFile;
  private final FileChannel lock;
  private final Map<String, Path> files = new LinkedHashMap<>();
  private final Map<Path, Path> moved = new LinkedHashMap<>(); // published name -> private name

  private StagingDirectory(Path dest, String name, Path lockFile, FileChannel lock) {
    this.dest = dest;
    this.name = name;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /** Creates and locks a fresh staging directory in {@code dest} (a real, checked path). */
  static StagingDirectory create(Path dest) throws IOException {
    while (true) {
      String name = PREFIX + Long.toUnsignedString(RANDOM.nextLong());
      Path lockFile = dest.resolve(name + LOCK_SUFFIX);
      if (!HELD.add(lockFile)) {
        continue;
      }
      FileChannel ch = null;
      try {
        ch =
            FileChannel.open(
                lockFile,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW_LINKS),
                OWNER_ONLY_FILE);
        if (ch.tryLock() == null) {
          throw new IOException(lockFile + ": cannot lock a file just created");
        }
        Path tree = dest.resolve(name);
        Files.createDirectory(tree, OWNER_ONLY_DIR);
        Files.setAttribute(tree, "unix:mode", 0700, NOFOLLOW_LINKS); // whatever the umask
        // Until a "./" entry says otherwise the root has the epoch as its times (as umoci's
        // has), so that unpacking one image twice gives equal trees.
        Files.getFileAttributeView(tree, BasicFileAttributeView.class, NOFOLLOW_LINKS)
            .setTimes(FileTime.fromMillis(0), FileTime.fromMillis(0), null);
        return new StagingDirectory(dest, name, lockFile, ch);
      } catch (FileAlreadyExistsException taken) {
        if (ch != null) {
          Files.delete(lockFile); // ours; the tree's name was taken by a leftover
        }
        release(lockFile, ch);
      } catch (IOException | RuntimeException e) {
        if (ch != null) {
          Files.deleteIfExists(lockFile);
        }
        release(lockFile, ch);
        throw e;
      }
    }
  }

  private static void release(Path lockFile, FileChannel ch) throws IOException {
    try {
      if (ch != null) {
        ch.close();
      }
    } finally {
      HELD.remove(lockFile);
    }
  }

  /** The tree under construction. */
  Path tree() {
    return dest.resolve(name);
  }

  /** The staging name, {@code .rootfs-N}. */
  String name() {
    return name;
  }

  /**
   * Writes a file to publish beside {@code rootfs} as {@code name}, for now under a private name.
   */
  void write(String fileName, byte[] content) throws IOException {
    if (fileName.isEmpty() || fileName.contains("/") || fileName.startsWith(".")) {
      throw new IllegalArgumentException("not a plain file name: " + fileName);
    }
    Path tmp = dest.resolve(name + "." + fileName);
    files.put(fileName, tmp);
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW_LINKS),
            OWNER_ONLY_FILE)) {
      ByteBuffer b = ByteBuffer.wrap(content);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true); // on disk before the rename makes it visible
    }
  }

  /**
   * Renames the tree to {@code dest/rootfs} and each written file to its name. Nothing in the
   * destination is replaced: a name already taken fails, and what was moved is moved back.
   */
  Path publish() throws IOException {
    Path rootfs = dest.resolve("rootfs");
    if (Files.exists(rootfs, NOFOLLOW_LINKS)) {
      throw new UnpackException(rootfs + " already exists");
    }
    for (String n : files.keySet()) {
      if (Files.exists(dest.resolve(n), NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(dest.resolve(n).toString());
      }
    }
    Files.move(tree(), rootfs, StandardCopyOption.ATOMIC_MOVE);
    moved.put(rootfs, tree());
    try {
      for (Map.Entry<String, Path> f : files.entrySet()) {
        Files.move(f.getValue(), dest.resolve(f.getKey()), StandardCopyOption.ATOMIC_MOVE);
        moved.put(dest.resolve(f.getKey()), f.getValue());
      }
    } catch (IOException | RuntimeException e) {
      withdraw(e);
      throw e;
    }
    return rootfs;
  }

  /**
   * Moves what {@link #publish()} moved back to its private names, for {@link #close()} to remove;
   * only while the tree's root is still private. Failures are added to {@code failure}.
   */
  void withdraw(Exception failure) {
    for (Map.Entry<Path, Path> m : moved.entrySet()) {
      try {
        Files.move(m.getKey(), m.getValue(), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException back) {
        failure.addSuppressed(back);
      }
    }
    moved.clear();
  }

  /**
   * Removes the tree and the files not published, and says so, for a message. Safe without looking
   * at what another user may have done: the tree's root is still ours and 0700.
   */
  String discard() throws IOException {
    if (!moved.isEmpty()) {
      return "nothing was left to remove";
    }
    Path tree = tree();
    new HostRootFs(tree).removeTree(tree);
    for (Path f : files.values()) {
      Files.deleteIfExists(f);
    }
    return "removed the partial tree " + tree;
  }

  /**
   * Null when {@code dir} is missing, not a directory, or a directory nobody else can have been in:
   * owned by root or us and closed to group and others, as a staging root stays until it has been
   * renamed. Otherwise why another user may have been inside.
   */
  static String notPrivate(Path dir) throws IOException {
    if (!Files.isDirectory(dir, NOFOLLOW_LINKS)) {
      return null;
    }
    Map<String, Object> a = Files.readAttributes(dir, "unix:mode,uid", NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode") & 07777;
    int uid = (Integer) a.get("uid");
    if ((mode & 077) == 0 && (uid == 0 || uid == DestinationCheck.effectiveUid())) {
      return null;
    }
    return String.format(
        "it is not private (mode %04o, owner uid %d), so another user may have been inside",
        mode, uid);
  }

  @Override
  public void close() throws IOException {
    try {
      discard();
      Files.deleteIfExists(lockFile);
    } finally {
      release(lockFile, lock);
    }
  }
}
