package dev.ocikit.image.verify;

import dev.ocikit.check.Level;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.image.layout.BlobFile;
import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.digest.InvalidDigestException;
import dev.ocikit.spec.file.IoErrors;
import dev.ocikit.spec.image.ImageIndex;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.json.JsonLimits;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.model.JsonShapeException;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The layout's own structure: {@code oci-layout}, {@code index.json} and blob file names. */
final class LayoutChecks {
  /** {@code oci-layout} exists at the root. */
  static final RuleInfo OCI_LAYOUT_PRESENT =
      ImageRules.rule(
          "image.layout.oci-layout.present",
          Level.MUST,
          "The layout has an oci-layout file at its root.",
          "image-layout.md#oci-layout-file");

  /** {@code imageLayoutVersion} is the one this validator knows. */
  static final RuleInfo OCI_LAYOUT_VERSION =
      ImageRules.rule(
          "image.layout.oci-layout.version",
          Level.ADVICE,
          "imageLayoutVersion is 1.0.0, the layout version of image-spec v1.1.1.",
          "image-layout.md#oci-layout-file");

  /** {@code index.json} exists at the root. */
  static final RuleInfo INDEX_PRESENT =
      ImageRules.rule(
          "image.layout.index.present",
          Level.MUST,
          "The layout has an index.json file at its root.",
          "image-layout.md#indexjson-file");

  /** {@code blobs} exists at the root and is a directory. */
  static final RuleInfo BLOBS_PRESENT =
      ImageRules.rule(
          "image.layout.blobs.present",
          Level.MUST,
          "The layout has a blobs directory at its root (it may be empty).",
          "image-layout.md#content");

  /** Blob files are named {@code blobs/<alg>/<encoded>} by the digest grammar. */
  static final RuleInfo BLOB_NAME =
      ImageRules.rule(
          "image.layout.blob.name",
          Level.MUST,
          "Entries under blobs/ are <alg>/<encoded> with names matching the digest grammar.",
          "image-layout.md#blobs");

  static final String LAYOUT_VERSION = "1.0.0";

  private final ImageSource source;
  private final Reporter reporter;

  LayoutChecks(ImageSource source, Reporter reporter) {
    this.source = source;
    this.reporter = reporter;
  }

  /** {@code oci-layout} exists, is strict JSON matching its schema, and has a known version. */
  void ociLayout() throws IOException {
    JsonDocument doc = read(ImageSource.OCI_LAYOUT, DocumentType.IMAGE_LAYOUT, OCI_LAYOUT_PRESENT);
    if (doc == null) {
      return;
    }
    JsonNode version = doc.root().path("imageLayoutVersion");
    if (version.isString() && !version.asString().equals(LAYOUT_VERSION)) {
      reporter.at(
          OCI_LAYOUT_VERSION,
          doc,
          "/imageLayoutVersion",
          "oci-layout imageLayoutVersion="
              + version.asString()
              + " but this validator knows "
              + LAYOUT_VERSION
              + " (image-spec v1.1.1); checked as "
              + LAYOUT_VERSION);
    }
  }

  /**
   * Whether {@code oci-layout} is exactly what the schema and {@link #ociLayout} accept without a
   * word: strict JSON, an object whose {@code imageLayoutVersion} is the string {@value
   * #LAYOUT_VERSION}. Anything else is for the full check to put into words.
   */
  static boolean plainOciLayout(ImageSource source) {
    try {
      Optional<byte[]> bytes = source.readFile(ImageSource.OCI_LAYOUT, 1 << 16);
      if (bytes.isEmpty()) {
        return false;
      }
      JsonNode root = StrictJson.reader().read(bytes.get(), ImageSource.OCI_LAYOUT).root();
      JsonNode version = root.path("imageLayoutVersion");
      return root.isObject() && version.isString() && version.asString().equals(LAYOUT_VERSION);
    } catch (IOException notPlain) {
      return false;
    }
  }

  /** The layout's {@code index.json}, located and bound. */
  record Index(JsonDocument doc, ImageIndex model) {}

  /** {@code index.json}, parsed and schema-checked; empty when absent or not an object. */
  Optional<Index> index() throws IOException {
    JsonDocument doc = read(ImageSource.INDEX_JSON, DocumentType.IMAGE_INDEX, INDEX_PRESENT);
    if (doc == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Index(doc, ImageIndex.fromJson(doc.root())));
    } catch (JsonShapeException notAnObject) {
      return Optional.empty();
    }
  }

  /**
   * Reads and checks one of the layout's own files.
   *
   * @throws IOException when the operating system refused to read it (no permission): the layout
   *     was not read, which is no finding about it
   */
  private JsonDocument read(String name, DocumentType type, RuleInfo presence) throws IOException {
    Optional<byte[]> bytes;
    try {
      bytes = source.readFile(name, JsonLimits.DEFAULT.maxDocumentBytes());
    } catch (IOException e) {
      if (IoErrors.refusedByHost(e)) {
        throw e;
      }
      reporter.file(presence, name, null, "cannot read " + name + ": " + IoErrors.describe(e));
      return null;
    }
    if (bytes.isEmpty()) {
      reporter.file(presence, name, null, "no " + name + " at the root of " + source.describe());
      return null;
    }
    return reporter.check(bytes.get(), name, type);
  }

  /**
   * {@code blobs} is a directory at the root, and every entry under it is {@code <alg>/<encoded>}
   * by the digest grammar.
   */
  void blobNames() throws IOException {
    Optional<BlobFile.Kind> blobs = source.blobsDirectory();
    if (blobs.isEmpty() || blobs.get() != BlobFile.Kind.DIRECTORY) {
      reporter.file(
          BLOBS_PRESENT,
          "blobs",
          null,
          blobs.isEmpty()
              ? "no blobs directory at the root of " + source.describe()
              : "blobs at the root of "
                  + source.describe()
                  + " is "
                  + blobs.get().words()
                  + ", not a directory");
      return;
    }
    List<BlobFile> files = source.blobFiles();
    Set<String> badAlgorithms = new HashSet<>();
    for (BlobFile f : files) {
      String[] parts = f.path().split("/");
      if (parts.length == 2) {
        algorithmDir(f, parts[1], badAlgorithms);
      } else if (parts.length == 3 && !badAlgorithms.contains(parts[1])) {
        blobName(f, parts[1], parts[2]);
      }
    }
  }

  private void algorithmDir(BlobFile f, String name, Set<String> bad) {
    if (f.kind() != BlobFile.Kind.DIRECTORY) {
      bad.add(name);
      reporter.file(
          BLOB_NAME,
          f.path(),
          null,
          f.path()
              + " is "
              + f.kind().words()
              + " directly under blobs/; blobs are stored at"
              + " blobs/<alg>/<encoded>");
      return;
    }
    try {
      DigestAlgorithm.parse(name);
    } catch (InvalidDigestException e) {
      bad.add(name);
      reporter.file(
          BLOB_NAME,
          f.path(),
          null,
          "directory " + f.path() + " is not a digest algorithm name: " + e.getMessage());
    }
  }

  private void blobName(BlobFile f, String algorithm, String encoded) {
    if (f.kind() == BlobFile.Kind.DIRECTORY) {
      reporter.file(
          BLOB_NAME,
          f.path(),
          null,
          f.path() + " is a directory; only blob files belong in blobs/" + algorithm + "/");
      return;
    }
    try {
      Digest.parse(algorithm + ":" + encoded);
    } catch (InvalidDigestException e) {
      reporter.file(
          BLOB_NAME, f.path(), null, f.path() + " is not named by a digest: " + e.getMessage());
    }
  }
}
