package dev.ocikit.image.verify;

import dev.ocikit.check.Level;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.image.layout.DescriptorPath;
import dev.ocikit.image.verify.ConfigChecks.Config;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.image.Descriptor;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.image.ImageIndex;
import dev.ocikit.spec.image.ImageManifest;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.mediatype.MediaType;
import dev.ocikit.spec.model.JsonShapeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Walks every descriptor reachable from {@code index.json}: nested indexes, manifests, configs,
 * layers, subjects and artifact blobs. Each index and manifest is walked into along a {@link
 * DescriptorPath}, as unpacking does: one that is its own ancestor, or an index nested too deep, is
 * reported instead of walked. JSON documents are read, verified and checked on the calling thread
 * (they are small and name the rest); layers and other blobs are verified on the executor. Each
 * blob is verified once however often it is referenced.
 */
final class ImageWalk {
  /** Artifact manifests with an empty config name an artifactType. */
  static final RuleInfo ARTIFACT_TYPE_REQUIRED =
      ImageRules.rule(
          "image.manifest.artifact-type.required",
          Level.MUST,
          "artifactType is set when config.mediaType is application/vnd.oci.empty.v1+json.",
          "manifest.md#image-manifest-property-descriptions");

  /** The subject manifest is in the layout. */
  static final RuleInfo SUBJECT_PRESENT =
      ImageRules.rule(
          "image.subject.present",
          Level.ADVICE,
          "The manifest named by subject is in the layout (it may legitimately live elsewhere).",
          "manifest.md#image-manifest-property-descriptions");

  /**
   * No cycle and a bounded depth. A cycle needs a blob holding its own digest, which a
   * collision-resistant digest rules out (descriptor.md); the depth bound is the toolkit's limit,
   * as json.limit is the reader's, and the one unpacking applies.
   */
  static final RuleInfo INDEX_NESTING =
      ImageRules.rule(
          "image.index.nesting",
          Level.MUST,
          "No index or manifest is its own ancestor, and indexes nest at most "
              + DescriptorPath.MAX_INDEX_DEPTH
              + " deep below index.json (the limit unpacking applies).",
          "descriptor.md#digests");

  private final Reporter reporter;
  private final BlobReader blobs;
  private final LayerVerifier layers;
  private final WhiteoutChecks whiteouts;
  private final DocumentChecks documents;
  private final ConfigChecks configs;
  private final Executor executor;
  private final Map<String, Optional<JsonDocument>> parsed = new HashMap<>();
  private final Map<String, Optional<Config>> manifestConfigs = new HashMap<>();
  private final Map<String, CompletableFuture<?>> streamed = new HashMap<>();
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();

  ImageWalk(Reporter reporter, BlobReader blobs, Executor executor, LayerReading reading) {
    this.reporter = reporter;
    this.blobs = blobs;
    this.whiteouts = new WhiteoutChecks(reporter);
    this.layers = new LayerVerifier(blobs, reporter, whiteouts, reading);
    this.documents = new DocumentChecks(reporter);
    this.configs = new ConfigChecks(reporter);
    this.executor = executor;
  }

  /** Walks from the layout's index and waits until every blob is verified. */
  void run(JsonDocument indexJson, ImageIndex index) {
    index(indexJson, "index.json", "index.json", index, DescriptorPath.root());
    reporter.checkDeferred(); // while the executor verifies blobs
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
  }

  private void index(
      JsonDocument doc, String file, String words, ImageIndex index, DescriptorPath path) {
    List<Descriptor> entries = index.manifests() == null ? List.of() : index.manifests();
    for (int i = 0; i < entries.size(); i++) {
      Place at = new Place(doc, file, "/manifests/" + i, words + " manifests[" + i + "]");
      Ref.of(entries.get(i), at).ifPresent(r -> entry(r, path));
    }
    subject(doc, file, words, index.subject(), path);
  }

  /**
   * A descriptor that may point at an index, a manifest, or any other blob; {@code path} leads to
   * the document holding it.
   */
  private void entry(Ref ref, DescriptorPath path) {
    boolean isIndex = ref.is(MediaType.IMAGE_INDEX);
    if (isIndex || ref.is(MediaType.IMAGE_MANIFEST)) {
      Optional<String> refused = path.refusal(ref.digest().toString(), isIndex);
      if (refused.isPresent()) {
        reporter.at(INDEX_NESTING, ref.place().child("digest"), refused.get());
        return;
      }
    }
    DescriptorPath inner = path.enter(ref.digest().toString(), isIndex);
    if (isIndex) {
      document(ref, DocumentType.IMAGE_INDEX)
          .ifPresent(
              d ->
                  model(d, ImageIndex::fromJson)
                      .ifPresent(
                          i ->
                              index(
                                  d,
                                  ref.blobPath(),
                                  Ref.shortName("index", ref.digest()),
                                  i,
                                  inner)));
    } else if (ref.is(MediaType.IMAGE_MANIFEST)) {
      Optional<Config> config = manifestConfigs.get(ref.key());
      if (config == null) {
        config =
            document(ref, DocumentType.IMAGE_MANIFEST)
                .flatMap(
                    d ->
                        model(d, ImageManifest::fromJson).flatMap(m -> manifest(ref, d, m, inner)));
        manifestConfigs.put(ref.key(), config);
      }
      config.ifPresent(c -> configs.platform(ref, c));
    } else {
      stream(ref);
    }
  }

  private Optional<Config> manifest(
      Ref ref, JsonDocument doc, ImageManifest m, DescriptorPath path) {
    String file = ref.blobPath();
    String words = Ref.shortName("manifest", ref.digest());
    Optional<Ref> configRef =
        Ref.of(m.config(), new Place(doc, file, "/config", words + " config"));
    Optional<Config> config = configRef.flatMap(this::config);
    if (configRef.isPresent()
        && configRef.get().is(MediaType.EMPTY_JSON)
        && m.artifactType() == null) {
      reporter.at(
          ARTIFACT_TYPE_REQUIRED,
          doc,
          "/config/mediaType",
          words
              + " config.mediaType="
              + MediaType.EMPTY_JSON
              + " but the manifest has no"
              + " artifactType");
    }
    List<Descriptor> list = m.layers() == null ? List.of() : m.layers();
    config.ifPresent(c -> configs.count(c, words, list.size()));
    List<Ref> stack = new ArrayList<>();
    List<CompletableFuture<LayerVerifier.Result>> stackResults = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Place at = new Place(doc, file, "/layers/" + i, words + " layers[" + i + "]");
      Optional<Ref> layer = Ref.of(list.get(i), at);
      if (layer.isEmpty()) {
        continue;
      }
      if (layer.get().mediaType() != null && layer.get().mediaType().isOciLayer()) {
        int index = i;
        Ref l = layer.get();
        CompletableFuture<LayerVerifier.Result> job = layerJob(l, diffAlgorithm(config, i));
        stack.add(l);
        stackResults.add(job);
        pending.add(
            job.thenAccept(
                r ->
                    r.diffId()
                        .ifPresent(d -> config.ifPresent(c -> configs.diffId(c, index, l, d)))));
      } else if (layer.get().is(MediaType.EMPTY_JSON)) {
        documents.empty(layer.get(), blobs.readVerified(layer.get()));
      } else {
        stream(layer.get());
      }
    }
    if (!stack.isEmpty()) {
      pending.add(
          CompletableFuture.allOf(stackResults.toArray(CompletableFuture[]::new))
              .thenRun(
                  () ->
                      whiteouts.check(
                          stack, stackResults.stream().map(CompletableFuture::join).toList())));
    }
    subject(doc, file, words, m.subject(), path);
    return config;
  }

  private Optional<Config> config(Ref ref) {
    if (ref.is(MediaType.IMAGE_CONFIG)) {
      return document(ref, DocumentType.IMAGE_CONFIG)
          .flatMap(
              d ->
                  model(d, ImageConfig::fromJson)
                      .map(c -> new Config(d, c, Ref.shortName("config", ref.digest()))));
    }
    if (ref.is(MediaType.EMPTY_JSON)) {
      documents.empty(ref, blobs.readVerified(ref));
    } else {
      stream(ref);
    }
    return Optional.empty();
  }

  private void subject(
      JsonDocument doc, String file, String words, Descriptor subject, DescriptorPath path) {
    Optional<Ref> ref = Ref.of(subject, new Place(doc, file, "/subject", words + " subject"));
    if (ref.isEmpty()) {
      return;
    }
    if (!blobs.exists(ref.get())) {
      reporter.at(
          SUBJECT_PRESENT,
          ref.get().place().child("digest"),
          ref.get().place().words()
              + ".digest="
              + ref.get().digest()
              + " but "
              + ref.get().blobPath()
              + " is not in the layout");
      return;
    }
    entry(ref.get(), path);
  }

  private Optional<JsonDocument> document(Ref ref, DocumentType type) {
    String key = type.id() + "|" + ref.key();
    Optional<JsonDocument> done = parsed.get(key);
    if (done == null) {
      byte[] bytes = blobs.readVerified(ref);
      done =
          Optional.ofNullable(bytes == null ? null : reporter.check(bytes, ref.blobPath(), type));
      parsed.put(key, done);
    } else {
      return Optional.empty(); // checked and walked already
    }
    done.ifPresent(d -> documents.kind(ref, d));
    return done;
  }

  private static <T> Optional<T> model(
      JsonDocument doc, java.util.function.Function<tools.jackson.databind.JsonNode, T> bind) {
    try {
      return Optional.of(bind.apply(doc.root()));
    } catch (JsonShapeException notAnObject) {
      return Optional.empty(); // the schema reported the root's type
    }
  }

  private static DigestAlgorithm diffAlgorithm(Optional<Config> config, int i) {
    return config
        .map(Config::diffIds)
        .filter(ids -> i < ids.size())
        .flatMap(ids -> Digest.tryParse(ids.get(i)))
        .map(Digest::algorithm)
        .filter(DigestAlgorithm::isVerifiable)
        .orElse(DigestAlgorithm.SHA256);
  }

  private CompletableFuture<LayerVerifier.Result> layerJob(Ref ref, DigestAlgorithm diffAlgorithm) {
    CompletableFuture<?> job =
        streamed.computeIfAbsent(
            ref.key(),
            k -> CompletableFuture.supplyAsync(() -> layers.verify(ref, diffAlgorithm), executor));
    return job.thenApply(
        r -> r instanceof LayerVerifier.Result result ? result : LayerVerifier.Result.FAILED);
  }

  /** Verifies a blob whose content is not interpreted. */
  private void stream(Ref ref) {
    pending.add(
        streamed
            .computeIfAbsent(
                ref.key(),
                k -> CompletableFuture.supplyAsync(() -> blobs.verifyOpaque(ref), executor))
            .thenAccept(x -> {}));
  }
}
