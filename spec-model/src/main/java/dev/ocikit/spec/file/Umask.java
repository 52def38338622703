package dev.ocikit.spec.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The mode a plain {@code open(O_CREAT, 0666)} gives a new file under the process umask, which Java
 * cannot ask for directly.
 *
 * <p>Linux states the umask in {@code /proc/self/status} ("Umask:", since 4.7); reading it has no
 * side effect and every thread of the JVM shares it. Where that line is missing (another kernel, no
 * {@code /proc}), a probe file is created with default permissions in the target directory, its
 * mode read and the probe removed: the kernel then applies the umask for us.
 */
public final class Umask {
  private static final Path STATUS = Path.of("/proc/self/status");

  private Umask() {}

  /**
   * {@return the permissions {@code 0666 & ~umask} of a new file created in {@code dir}}
   *
   * @param dir the directory the file would be created in
   * @throws IOException if /proc does not tell the umask and a probe file cannot be created in
   *     {@code dir}
   */
  public static Set<PosixFilePermission> newFileMode(Path dir) throws IOException {
    Integer umask = fromProcStatus(STATUS);
    return umask != null ? fileMode(umask) : probe(dir);
  }

  /** {@code 0666 & ~umask} as permissions. */
  static Set<PosixFilePermission> fileMode(int umask) {
    int mode = 0666 & ~umask;
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ first, 0400
    for (int i = 0; i < order.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        perms.add(order[i]);
      }
    }
    return perms;
  }

  /** The octal "Umask:" line of a status file, or null when it has none or cannot be read. */
  static Integer fromProcStatus(Path status) {
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
        if (line.startsWith("Umask:")) {
          return Integer.parseInt(line.substring("Umask:".length()).strip(), 8) & 0777;
        }
      }
    } catch (IOException | NumberFormatException | SecurityException e) {
      // No usable line: the probe below asks the kernel instead.
    }
    return null;
  }

  private static Set<PosixFilePermission> probe(Path dir) throws IOException {
    Path probe = dir.resolve(".ocikit-umask-" + UUID.randomUUID() + ".probe");
    Files.createFile(probe);
    try {
      return Files.getPosixFilePermissions(probe, LinkOption.NOFOLLOW_LINKS);
    } finally {
      Files.deleteIfExists(probe);
    }
  }
}
