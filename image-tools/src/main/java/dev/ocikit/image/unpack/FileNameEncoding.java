package dev.ocikit.image.unpack;

import dev.ocikit.image.UnpackException;
import dev.ocikit.image.tar.TarText;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Whether the JVM can give a file the exact name a layer gives it. The JDK turns a path into bytes
 * with its file-name encoding ({@code sun.jnu.encoding}, taken from the locale at start-up): under
 * a UTF-8 locale every valid UTF-8 name comes out as written, under {@code C} or {@code POSIX} only
 * ASCII does, and anything else would silently become {@code ?}. A name that is not valid UTF-8
 * cannot be made exactly at all. Such names are refused rather than renamed or merged.
 */
final class FileNameEncoding {
  /** The encoding of this JVM. */
  static final FileNameEncoding CURRENT =
      new FileNameEncoding(System.getProperty("sun.jnu.encoding"));

  private final String name;
  private final boolean utf8;

  FileNameEncoding(String charsetName) {
    this.name = charsetName;
    boolean u;
    try {
      u = charsetName != null && Charset.forName(charsetName).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException unknown) {
      u = false;
    }
    this.utf8 = u;
  }

  /**
   * Refuses {@code unsafeText} (a name, link target or xattr name, as {@link TarText} decoded it)
   * when it cannot be used exactly.
   *
   * @param what the words for it in the message, e.g. {@code the name}
   */
  void check(String unsafeText, String what) throws UnpackException {
    if (!TarText.isUtf8(unsafeText)) {
      throw new UnpackException(
          what
              + " is not valid UTF-8 (each \\udcXX above stands for the byte 0xXX), so it cannot"
              + " be created exactly; refused rather than renamed");
    }
    if (!utf8 && !TarText.isAscii(unsafeText)) {
      throw new UnpackException(
          what
              + " is not ASCII, and the JVM's file-name encoding (sun.jnu.encoding) is "
              + name
              + ", which cannot write it exactly; run under a UTF-8 locale (e.g. LC_ALL=C.UTF-8)");
    }
  }
}
