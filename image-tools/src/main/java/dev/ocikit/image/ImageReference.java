package dev.ocikit.image;

import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.InvalidDigestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an image is: an OCI image layout directory or an OCI archive, and optionally which image of
 * it (a reference name or a digest). Parsed from the forms skopeo and the other containers/image
 * tools write, and from ocikit's own plain form:
 *
 * <pre>
 * oci:DIR[:REF]             a layout directory          oci:./layout:v1
 * oci-archive:FILE[:REF]    a layout packed as a tar    oci-archive:img.tar:latest
 * PATH[:REF] or PATH@DIGEST a directory or an archive   img:v1, img.tar@sha256:4fe5…
 * </pre>
 *
 * <p>With a transport prefix the first {@code :} after it ends the path, as containers/image reads
 * these references on Linux: {@code oci:a:b:c} is the directory {@code a} with the reference {@code
 * b:c}, so a path holding {@code :} cannot be written this way (use the plain form, or a path
 * without the colon). An empty {@code REF} ({@code oci:dir} or {@code oci:dir:}) selects no
 * reference: the only image, else the host platform's. {@code REF} is either a reference name as
 * image-spec annotations.md defines {@code org.opencontainers.image.ref.name} ({@code
 * component("/"component)*}, a component being alphanumerics separated by one of {@code - . _ : @
 * +} or by {@code --}), or, as an ocikit extension, {@code @alg:hex} for a manifest or index
 * digest. The transport decides what the path must be; {@link #kindMismatch()} says when the file
 * system disagrees.
 *
 * <p>The plain form is read as ocikit always has: the longest prefix that exists on disk is the
 * path, and what follows its {@code :} or {@code @} is the reference; a path that contains {@code
 * :} therefore still works. A plain path that starts with {@code oci:} or {@code oci-archive:} is
 * written {@code ./oci:…}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param transport {@code "oci"}, {@code "oci-archive"}, or null for the plain form
 * @param path the layout directory or archive
 * @param kind what the path is (or, with a transport, must be)
 * @param ref the reference name, {@code @alg:hex} for a digest, or null for none
 * @see <a href="https://github.com/containers/image/blob/main/docs/containers-transports.5.md">
 *     containers-transports(5)</a>
 * @see <a
 *     href="https://github.com/opencontainers/image-spec/blob/v1.1.1/annotations.md#pre-defined-annotation-keys">image-spec
 *     annotations: ref.name</a>
 */
public record ImageReference(String transport, Path path, Kind kind, String ref) {
  /** The transport of an OCI image layout directory. */
  public static final String OCI = "oci";

  /** The transport of an OCI image layout packed as a tar archive. */
  public static final String OCI_ARCHIVE = "oci-archive";

  private static final String COMPONENT = "[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*";
  private static final Pattern REF_NAME = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");

  /** What an image reference points at. */
  public enum Kind {
    /** A directory holding {@code oci-layout}, {@code index.json} and {@code blobs/}. */
    LAYOUT_DIRECTORY,
    /** A tar archive of such a directory. */
    ARCHIVE,
    /** A plain path that does not exist (opening it will say so). */
    MISSING
  }

  /**
   * Checks the reference; with a transport a bad {@code ref} is refused as {@link #parse} refuses
   * it. The plain form keeps any {@code ref} text, as ocikit always has: choosing the image then
   * says whether the layout holds it.
   *
   * @param transport {@code "oci"}, {@code "oci-archive"}, or null for the plain form
   * @param path the layout directory or archive
   * @param kind what the path is (or, with a transport, must be)
   * @param ref the reference name, {@code @alg:hex} for a digest, or null (empty: null)
   * @throws IllegalArgumentException if the path or kind is null, or a transport's reference is not
   *     a ref.name or digest
   */
  public ImageReference {
    if (path == null || kind == null) {
      throw new IllegalArgumentException("an image reference needs a path and a kind");
    }
    if (ref != null && ref.isEmpty()) {
      ref = null;
    }
    if (ref != null && transport != null) {
      String why = refProblem(ref);
      if (why != null) {
        throw new IllegalArgumentException(
            "image reference '" + display(transport, path, ref) + "': " + why);
      }
    }
  }

  /**
   * Whether {@code text} starts with a transport this class reads ({@code oci:} or {@code
   * oci-archive:}), so that a caller sniffing paths can hand it here.
   *
   * @param text an argument as the user gave it
   * @return true for {@code oci:…} and {@code oci-archive:…}
   */
  public static boolean hasTransport(String text) {
    return text.startsWith(OCI + ":") || text.startsWith(OCI_ARCHIVE + ":");
  }

  /**
   * Whether {@code path} is an image layout directory: a directory holding an {@code oci-layout}
   * file and no runtime {@code config.json} (a bundle that happens to hold one stays a bundle).
   *
   * @param path any path
   * @return true for a layout directory
   */
  public static boolean isLayoutDirectory(Path path) {
    return Files.isDirectory(path)
        && Files.exists(path.resolve("oci-layout"))
        && !Files.exists(path.resolve("config.json"));
  }

  /**
   * Whether {@code path} is an image archive: a regular file named {@code *.tar}, or a POSIX tar
   * file with an {@code oci-layout} entry whatever its name.
   *
   * @param path any path
   * @return true for an archive
   * @throws IOException if a file without the {@code .tar} name cannot be read
   */
  public static boolean isArchive(Path path) throws IOException {
    return Provider.get().isArchive(path);
  }

  /**
   * Parses {@code text} in any of the forms above. The transport forms are read from the text
   * alone; the plain form looks at the file system to find the longest existing path.
   *
   * <pre>{@code
   * ImageReference.parse("oci:./layout:v1");           // LAYOUT_DIRECTORY ./layout, ref v1
   * ImageReference.parse("oci-archive:img.tar");       // ARCHIVE img.tar, no ref
   * ImageReference.parse("oci:a:b:c");                 // LAYOUT_DIRECTORY a, ref b:c
   * ImageReference.parse("img.tar@sha256:4fe5…");      // plain: ARCHIVE img.tar, ref @sha256:4fe5…
   * }</pre>
   *
   * @throws IllegalArgumentException with one line naming {@code text} and the rule it breaks
   * @param text the reference as the user wrote it
   * @return the parsed reference
   */
  public static ImageReference parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("image reference '': names no image");
    }
    for (String t : new String[] {OCI_ARCHIVE, OCI}) {
      if (text.startsWith(t + ":")) {
        return transportForm(text, t, text.substring(t.length() + 1));
      }
    }
    return plainForm(text);
  }

  private static ImageReference transportForm(String text, String transport, String details) {
    int colon = details.indexOf(':');
    String unsafePath = colon < 0 ? details : details.substring(0, colon);
    String ref = colon < 0 ? null : details.substring(colon + 1);
    if (unsafePath.isEmpty()) {
      throw new IllegalArgumentException(
          "image reference '" + text + "': " + transport + ": must be followed by a path");
    }
    Kind kind = transport.equals(OCI) ? Kind.LAYOUT_DIRECTORY : Kind.ARCHIVE;
    return new ImageReference(transport, path(text, unsafePath), kind, ref);
  }

  private static ImageReference plainForm(String text) {
    Path whole = path(text, text);
    if (Files.exists(whole)) {
      return new ImageReference(null, whole, kindOf(whole), null);
    }
    for (int i = text.length() - 1; i > 0; i--) {
      char c = text.charAt(i);
      if (c == ':' || c == '@') {
        Path prefix = path(text, text.substring(0, i));
        if (Files.exists(prefix)) {
          String rest = text.substring(i + 1);
          String ref = c == '@' ? "@" + rest : rest;
          return new ImageReference(null, prefix, kindOf(prefix), ref);
        }
      }
    }
    return new ImageReference(null, whole, Kind.MISSING, null);
  }

  private static Path path(String text, String unsafePath) {
    try {
      return Path.of(unsafePath);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "image reference '" + text + "': not a valid path: " + e.getReason(), e);
    }
  }

  private static Kind kindOf(Path existing) {
    return Files.isDirectory(existing) ? Kind.LAYOUT_DIRECTORY : Kind.ARCHIVE;
  }

  /** Null if {@code ref} is a reference name or {@code @digest}, else the rule it breaks. */
  private static String refProblem(String ref) {
    if (ref.startsWith("@")) {
      try {
        Digest.parse(ref.substring(1));
        return null;
      } catch (InvalidDigestException e) {
        return "a reference starting with @ must be a digest @<algorithm>:<hex>: " + e.getMessage();
      }
    }
    if (REF_NAME.matcher(ref).matches()) {
      return null;
    }
    return "reference '"
        + ref
        + "' is not a ref.name (components of letters and digits, separated by one of - . _ : @ +"
        + " or --, joined by /)";
  }

  /**
   * The reference name or digest, if one was given.
   *
   * @return the reference, or empty
   */
  public Optional<String> refName() {
    return Optional.ofNullable(ref);
  }

  /**
   * Whether {@link #ref()} selects by digest ({@code @alg:hex}).
   *
   * @return true for {@code @alg:hex}
   */
  public boolean byDigest() {
    return ref != null && ref.startsWith("@");
  }

  /**
   * Null when the path is what the transport says (or there is no transport, or the path does not
   * exist: opening it says so); else one line saying what it is instead. Read when asked: the file
   * system may change between this and opening, which decides for itself.
   *
   * @return null, or the line saying what the path is instead
   */
  public String kindMismatch() {
    if (transport == null || !Files.exists(path)) {
      return null;
    }
    boolean dir = Files.isDirectory(path);
    if (kind == Kind.LAYOUT_DIRECTORY && !dir) {
      return "image reference '"
          + this
          + "': "
          + OCI
          + ": names a layout directory but "
          + path
          + " is a file; use "
          + OCI_ARCHIVE
          + ":";
    }
    if (kind == Kind.ARCHIVE && dir) {
      return "image reference '"
          + this
          + "': "
          + OCI_ARCHIVE
          + ": names an archive but "
          + path
          + " is a directory; use "
          + OCI
          + ":";
    }
    return null;
  }

  /** The canonical text: {@code oci:DIR:REF}, {@code oci-archive:FILE}, {@code PATH:REF}. */
  @Override
  public String toString() {
    return display(transport, path, ref);
  }

  private static String display(String transport, Path path, String ref) {
    String p = (transport == null ? "" : transport + ":") + path;
    if (ref == null) {
      return p;
    }
    return transport == null && ref.startsWith("@") ? p + ref : p + ":" + ref;
  }
}
