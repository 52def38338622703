package dev.ocikit.image.bundle;

import dev.ocikit.image.ImageSelectionException;
import dev.ocikit.image.PlatformSpec;
import dev.ocikit.image.ResolvedImage;
import dev.ocikit.image.UnsupportedImageException;
import dev.ocikit.image.layout.DescriptorPath;
import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.spec.image.Descriptor;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.image.ImageIndex;
import dev.ocikit.spec.image.ImageManifest;
import dev.ocikit.spec.image.Platform;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the one image a query names: walks {@code index.json} and nested indexes (each blob
 * verified), filters by reference, then by platform, and reads the chosen manifest and config.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/image-layout.md">image
 *     layout</a>
 */
public final class ImageResolver {
  static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final Set<String> INDEX_TYPES =
      Set.of(
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json");
  private static final Set<String> MANIFEST_TYPES =
      Set.of(
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  /**
   * Descriptors one resolution may visit. Nested indexes are walked once per path to them (each tag
   * that reaches one names its images), so a graph of indexes that fan out to the same child could
   * otherwise be walked an exponential number of times.
   */
  static final int MAX_VISITS = 1 << 16;

  private final ImageSource blobs;
  private final Map<String, ImageIndex> indexes = new HashMap<>();
  private int visits;

  /** A resolver over {@code blobs}. */
  public ImageResolver(ImageSource blobs) {
    this.blobs = blobs;
  }

  /**
   * Resolves {@code query} to one image.
   *
   * @throws ImageSelectionException if no image or more than one matches, listing the choices
   * @throws IOException if a document is missing, unreadable or fails verification
   */
  public ResolvedImage resolve(ImageQuery query) throws IOException {
    byte[] top =
        blobs
            .readFile(ImageSource.INDEX_JSON, JsonBlobs.MAX_JSON_BYTES)
            .orElseThrow(
                () -> new NoSuchFileException(blobs.describe(), null, "missing index.json"));
    ImageIndex index = JsonBlobs.parse(top, blobs.describe() + "/index.json", ImageIndex::fromJson);
    List<Candidate> all = new ArrayList<>();
    visits = 0;
    walk(index, "index.json", null, List.of(), DescriptorPath.root(), all);
    List<Candidate> refs = distinct(byRef(all, query));
    if (query.platform() != null || refs.size() > 1) {
      refs.replaceAll(this::withConfigPlatform);
    }
    Candidate chosen = PlatformChoice.choose(blobs.describe(), refs, query);
    return read(chosen);
  }

  /** One image manifest found in the index tree. */
  record Candidate(
      Descriptor descriptor, String where, String refName, List<String> digests, Platform p) {
    String label() {
      String name = refName == null ? "" : refName + " ";
      return name + PlatformSpec.describe(p) + " " + descriptor.digest();
    }
  }

  private void walk(
      ImageIndex index,
      String where,
      String inheritedRef,
      List<String> digests,
      DescriptorPath path,
      List<Candidate> out)
      throws IOException {
    if (index.manifests() == null) {
      throw new IOException(blobs.describe() + ": " + where + " has no manifests list");
    }
    for (int i = 0; i < index.manifests().size(); i++) {
      Descriptor d = index.manifests().get(i);
      String at = where + " manifests[" + i + "]";
      if (++visits > MAX_VISITS) {
        throw new IOException(
            at + ": more than " + MAX_VISITS + " descriptors reached through nested indexes");
      }
      String ref = d.annotations() == null ? null : d.annotations().get(REF_NAME);
      String name = ref != null ? ref : inheritedRef;
      List<String> chain = new ArrayList<>(digests);
      chain.add(d.digest());
      String type = d.mediaType() == null ? "" : d.mediaType();
      if (INDEX_TYPES.contains(type)) {
        // Ancestors only: an index reached again through another tag is walked again.
        String digest = JsonBlobs.digestOf(d, at).toString();
        Optional<String> refused = path.refusal(digest, true);
        if (refused.isPresent()) {
          throw new IOException(at + ": " + refused.get());
        }
        ImageIndex child = indexes.get(digest + "|" + d.size());
        if (child == null) {
          child = JsonBlobs.read(blobs, d, at, ImageIndex::fromJson);
          indexes.put(digest + "|" + d.size(), child);
        }
        walk(child, at + " (" + digest + ")", name, chain, path.enter(digest, true), out);
      } else if (MANIFEST_TYPES.contains(type)) {
        out.add(new Candidate(d, at, name, chain, d.platform()));
      }
      // Other media types (artifacts, signatures) are not images to unpack.
    }
  }

  private List<Candidate> byRef(List<Candidate> all, ImageQuery query) throws IOException {
    if (!query.hasRef()) {
      return new ArrayList<>(all);
    }
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : all) {
      boolean match =
          query.byDigest()
              ? c.digests().contains(query.ref().substring(1))
              : query.ref().equals(c.refName());
      if (match) {
        out.add(c);
      }
    }
    if (out.isEmpty()) {
      Set<String> names = new java.util.TreeSet<>();
      all.forEach(
          c -> names.add(c.refName() == null ? "@" + c.descriptor().digest() : c.refName()));
      throw new ImageSelectionException(
          blobs.describe()
              + ": no image with reference '"
              + query.ref()
              + "'; available: "
              + (names.isEmpty() ? "none" : String.join(", ", names)));
    }
    return out;
  }

  /**
   * One candidate per manifest digest: several tags of one image are one choice. The ref name is
   * kept only when all the tags agree.
   */
  private static List<Candidate> distinct(List<Candidate> cs) {
    java.util.Map<String, Candidate> byDigest = new java.util.LinkedHashMap<>();
    for (Candidate c : cs) {
      byDigest.merge(
          String.valueOf(c.descriptor().digest()),
          c,
          (a, b) ->
              java.util.Objects.equals(a.refName(), b.refName())
                  ? a
                  : new Candidate(a.descriptor(), a.where(), null, a.digests(), a.p()));
    }
    return new ArrayList<>(byDigest.values());
  }

  /** An entry without a platform gets its config's os, architecture and variant. */
  private Candidate withConfigPlatform(Candidate c) {
    if (c.p() != null) {
      return c;
    }
    try {
      ImageConfig config = read(c).config();
      Platform p =
          Platform.builder()
              .os(config.os())
              .architecture(config.architecture())
              .variant(config.variant() == null ? null : config.variant().value())
              .build();
      return new Candidate(c.descriptor(), c.where(), c.refName(), c.digests(), p);
    } catch (IOException unreadable) {
      return c; // reported when, and only if, this image is the one chosen
    }
  }

  private ResolvedImage read(Candidate c) throws IOException {
    ImageManifest m = JsonBlobs.read(blobs, c.descriptor(), c.where(), ImageManifest::fromJson);
    String mw = "manifest " + c.descriptor().digest();
    if (m.config() == null || m.layers() == null) {
      throw new IOException(mw + " lacks config or layers");
    }
    ImageConfig config = JsonBlobs.read(blobs, m.config(), mw + " config", ImageConfig::fromJson);
    checkRootfsType(config, mw);
    int diffIds =
        config.rootfs() == null || config.rootfs().diffIds() == null
            ? -1
            : config.rootfs().diffIds().size();
    if (diffIds != m.layers().size()) {
      throw new IOException(
          mw
              + " has "
              + m.layers().size()
              + " layers but its config rootfs.diff_ids has "
              + Math.max(diffIds, 0));
    }
    return new ResolvedImage(c.descriptor(), m, config, c.refName());
  }

  /**
   * config.md: {@code rootfs.type} MUST be {@code layers}, and unpacking an image with an unknown
   * value MUST fail. Checked before any layer is read, so nothing is written.
   */
  private static void checkRootfsType(ImageConfig config, String mw)
      throws UnsupportedImageException {
    String type = config.rootfs() == null ? null : config.rootfs().type();
    if (type == null) {
      throw new UnsupportedImageException(
          mw
              + " config rootfs.type is missing: image-spec config.md requires it, set to \"layers\"");
    }
    if (!type.equals("layers")) {
      throw new UnsupportedImageException(
          mw
              + " config rootfs.type is \""
              + type
              + "\": image-spec config.md allows only \"layers\" and requires unpacking to fail on"
              + " any other value");
    }
  }
}
