package dev.ocikit.image.tar;

import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * One entry of a tar stream as {@link TarReader} interprets it: PAX records (local, then global)
 * and GNU long names already applied. Text fields are decoded by {@link TarText}: valid UTF-8 as
 * is, other bytes as escapes, so nothing is lost or merged.
 *
 * @param name the entry name as written (after PAX {@code path}, GNU long name, ustar prefix)
 * @param rawName the bytes of {@code name}; the array is this entry's own copy
 * @param type what the entry is
 * @param typeflag the header's type byte, for messages ({@code '0'}, {@code 'S'}, …)
 * @param size bytes of content the reader delivers: 0 for hardlinks, symlinks, devices, directories
 *     and FIFOs whatever the header says
 * @param mode the mode field (permission bits, possibly with file-type bits above them)
 * @param uid owner id
 * @param gid group id
 * @param uname owner name, empty when not recorded
 * @param gname group name, empty when not recorded
 * @param mtime modification time, to the nanosecond when a PAX record gives it
 * @param atime access time (PAX, or a GNU header), or null when the archive does not record it
 * @param linkName the target of a hardlink or symlink, empty for other types
 * @param devMajor major device number of a character or block device, else 0
 * @param devMinor minor device number of a character or block device, else 0
 * @param xattrs extended attributes from PAX {@code SCHILY.xattr.NAME} records: name to exact value
 *     bytes (binary values included)
 * @see <a href="https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html">pax: ustar and
 *     extended header formats</a>
 */
public record TarEntry(
    String name,
    byte[] rawName,
    Type type,
    char typeflag,
    long size,
    int mode,
    long uid,
    long gid,
    String uname,
    String gname,
    FileTime mtime,
    FileTime atime,
    String linkName,
    int devMajor,
    int devMinor,
    Map<String, byte[]> xattrs) {

  /** What an entry is, from its type flag. */
  public enum Type {
    /** {@code '0'}, {@code '7'} (contiguous), or NUL for a name without a trailing slash. */
    REGULAR,
    /** {@code '1'}. */
    HARDLINK,
    /** {@code '2'}. */
    SYMLINK,
    /** {@code '3'}. */
    CHAR_DEVICE,
    /** {@code '4'}. */
    BLOCK_DEVICE,
    /** {@code '5'}, or NUL (old tar) for a name with a trailing slash. */
    DIRECTORY,
    /** {@code '6'}. */
    FIFO,
    /** Any other type flag (GNU {@code D}, {@code V}, {@code M}, unknown letters). */
    OTHER;

    /** The type a header's flag denotes; an old NUL flag depends on the name. */
    static Type of(char typeflag, String name) {
      return switch (typeflag) {
        case '0', '7' -> REGULAR;
        case 0 -> name.endsWith("/") ? DIRECTORY : REGULAR;
        case '1' -> HARDLINK;
        case '2' -> SYMLINK;
        case '3' -> CHAR_DEVICE;
        case '4' -> BLOCK_DEVICE;
        case '5' -> DIRECTORY;
        case '6' -> FIFO;
        default -> OTHER;
      };
    }

    /** Types whose entries never have a body. */
    boolean headerOnly() {
      return this != REGULAR && this != OTHER;
    }
  }

  // Keeps the xattrs unmodifiable.
  public TarEntry {
    xattrs = Map.copyOf(xattrs);
  }

  /** {@return the bytes of {@link #name()}: a copy} */
  @Override
  public byte[] rawName() {
    return rawName.clone();
  }

  /** {@return true when both the name and the link target are valid UTF-8} */
  public boolean isUtf8() {
    return TarText.isUtf8(name) && TarText.isUtf8(linkName);
  }

  @Override
  public String toString() {
    return "TarEntry[" + type + " " + name + (linkName.isEmpty() ? "" : " -> " + linkName) + "]";
  }
}
