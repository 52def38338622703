package dev.ocikit.image.tar;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Names, link targets and other header text as Java strings, losslessly. Bytes are decoded strictly
 * as UTF-8 (no replacement character, ever); a byte that is not part of valid UTF-8 becomes the
 * lone surrogate {@code U+DC80..U+DCFF} (Python's "surrogateescape", PEP 383). No valid decoding
 * yields a lone surrogate, so distinct byte strings stay distinct strings, {@link #isUtf8} tells
 * which names were valid, and {@link #bytes} gives the exact bytes back.
 */
public final class TarText {
  private static final char ESCAPE = 0xDC00;

  private TarText() {}

  /** Decodes {@code len} bytes at {@code off}. */
  public static String decode(byte[] b, int off, int len) {
    // The JDK's decoder is fast but replaces what is not UTF-8; a replacement character in its
    // result sends the bytes the strict way (a real U+FFFD comes back unchanged from there).
    String quick = new String(b, off, len, StandardCharsets.UTF_8);
    if (quick.indexOf('\uFFFD') < 0) {
      return quick;
    }
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    CharBuffer out = CharBuffer.allocate(len + 1); // never more chars than bytes
    while (true) {
      CoderResult r = d.decode(in, out, true);
      if (r.isUnderflow()) {
        break;
      }
      // Malformed or unmappable: escape each byte the decoder refused, then go on after them.
      for (int i = 0; i < r.length(); i++) {
        out.put((char) (ESCAPE | (in.get() & 0xff)));
      }
    }
    d.flush(out);
    out.flip();
    return out.toString();
  }

  /** Decodes a whole array. */
  public static String decode(byte[] b) {
    return decode(b, 0, b.length);
  }

  /** {@return true when {@code text} came from valid UTF-8: it holds no escaped byte} */
  public static boolean isUtf8(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isEscape(text, i)) {
        return false;
      }
    }
    return true;
  }

  /** {@return true when {@code text} is plain ASCII} */
  public static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** {@return the bytes {@code text} was decoded from} */
  public static byte[] bytes(String text) {
    if (isUtf8(text)) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() + 8);
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || isEscape(text, i)) {
        out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
        if (i < text.length()) {
          out.write(text.charAt(i) & 0xff);
        }
        start = i + 1;
      }
    }
    return out.toByteArray();
  }

  /** A lone low surrogate in the escape range: a byte that was not valid UTF-8. */
  private static boolean isEscape(String s, int i) {
    char c = s.charAt(i);
    return c >= 0xDC80 && c <= 0xDCFF && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
  }
}
