package dev.ocikit.fuzz;

import dev.ocikit.fuzz.Sections.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image layout directory written from {@link Sections}, so the fuzzer chooses every byte of
 * every file and can still make blobs whose digests match:
 *
 * <ul>
 *   <li>{@code === oci-layout} and {@code === index.json}: those files, verbatim except for
 *       placeholders;
 *   <li>{@code === blob}: a blob stored under the sha256 of its final content; the n-th such
 *       section (from 0) is named by the placeholders {@code <<Dn>>} (its digest) and {@code
 *       <<Sn>>} (its size) in any section before it and in {@code index.json};
 *   <li>{@code === blob ALG:ENCODED}: a blob stored at {@code blobs/ALG/ENCODED} whatever its
 *       content, for digests that do not match, unverifiable algorithms and cycles (placeholders
 *       work in it too).
 * </ul>
 *
 * A placeholder that names no later {@code blob} section becomes the digest of a missing blob.
 */
final class LayoutInput {
  private static final Pattern PLACEHOLDER = Pattern.compile("<<([DS])(\\d{1,2})>>");
  // What Digest's grammar allows, checked here too: a stored name must never leave blobs/.
  private static final Pattern STORED_NAME =
      Pattern.compile("([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)");

  private LayoutInput() {}

  /** Writes the layout {@code sections} describe into the existing directory {@code dir}. */
  static void write(List<Section> sections, Path dir) throws IOException {
    List<Section> blobs = new ArrayList<>();
    for (Section s : sections) {
      if (s.name().equals("blob") && s.argument().isEmpty()) {
        blobs.add(s);
      }
    }
    // Each blob may name the blobs after it: resolve from the last one back.
    String[] digests = new String[blobs.size()];
    long[] sizes = new long[blobs.size()];
    byte[][] contents = new byte[blobs.size()][];
    for (int i = blobs.size() - 1; i >= 0; i--) {
      contents[i] = resolve(blobs.get(i).text(), i + 1, digests, sizes);
      digests[i] = storeBlob(dir, contents[i]);
      sizes[i] = contents[i].length;
    }
    for (Section s : sections) {
      boolean file = s.name().equals("oci-layout") || s.name().equals("index.json");
      boolean named = s.name().equals("blob") && isStoredName(s.argument());
      if (file || named) {
        byte[] content = resolve(s.text(), 0, digests, sizes);
        if (file) {
          Files.write(dir.resolve(s.name()), content);
        } else {
          store(dir, s.argument(), content);
        }
      }
      // Other sections are ignored, like text before the first header.
    }
  }

  /** A name to store a blob under: digest grammar, and short enough for any filesystem. */
  private static boolean isStoredName(String name) {
    return name.length() <= 200 && STORED_NAME.matcher(name).matches();
  }

  /** The sha256 digest string of {@code content}. */
  static String digestOf(byte[] content) {
    return "sha256:" + Outside.sha256(content);
  }

  private static byte[] resolve(String template, int firstKnown, String[] digests, long[] sizes) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int n = Integer.parseInt(m.group(2));
      boolean known = n >= firstKnown && n < digests.length;
      String value;
      if (m.group(1).equals("D")) {
        value =
            known ? digests[n] : digestOf(("missing blob " + n).getBytes(StandardCharsets.UTF_8));
      } else {
        value = known ? Long.toString(sizes[n]) : "0";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Stores {@code content} as a blob of the layout {@code dir}; returns its sha256 digest. */
  static String storeBlob(Path dir, byte[] content) throws IOException {
    String digest = digestOf(content);
    store(dir, digest, content);
    return digest;
  }

  private static void store(Path dir, String digest, byte[] content) throws IOException {
    Matcher m = STORED_NAME.matcher(digest);
    if (!m.matches()) {
      throw new IllegalStateException("not a blob name: " + digest);
    }
    Path alg = Files.createDirectories(dir.resolve("blobs").resolve(m.group(1)));
    Files.write(alg.resolve(m.group(2)), content);
  }
}
