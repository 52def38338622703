package dev.ocikit.image.verify;

import dev.ocikit.check.Level;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.image.Platform;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.model.Nullable;
import java.util.List;
import java.util.Objects;

/** Checks between a manifest, its image config and the index entry that points at the manifest. */
final class ConfigChecks {
  /** One DiffID per layer. */
  static final RuleInfo DIFF_IDS_COUNT =
      ImageRules.rule(
          "image.config.diff-ids.count",
          Level.MUST,
          "An image config lists exactly one rootfs.diff_ids entry per manifest layer.",
          "config.md#properties");

  /** DiffID equals the digest of the uncompressed layer. */
  static final RuleInfo DIFF_ID =
      ImageRules.rule(
          "image.layer.diff-id",
          Level.MUST,
          "rootfs.diff_ids[i] is the digest of layer i's uncompressed tar stream.",
          "config.md#layer-diffid");

  /** Index platform matches the config. */
  static final RuleInfo PLATFORM_MATCHES =
      ImageRules.rule(
          "image.index.platform.matches",
          Level.SHOULD,
          "An index entry's platform os, architecture and variant agree with the image config.",
          "image-index.md#image-index-property-descriptions");

  private final Reporter reporter;

  ConfigChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /** A parsed image config with where it came from. */
  record Config(JsonDocument doc, ImageConfig model, String words) {
    List<String> diffIds() {
      return model.rootfs() == null || model.rootfs().diffIds() == null
          ? null
          : model.rootfs().diffIds();
    }
  }

  /** {@code len(rootfs.diff_ids) == len(layers)}. */
  void count(Config config, String manifestWords, int layers) {
    List<String> ids = config.diffIds();
    if (ids != null && ids.size() != layers) {
      reporter.at(
          DIFF_IDS_COUNT,
          config.doc(),
          "/rootfs/diff_ids",
          config.words()
              + " rootfs.diff_ids has "
              + ids.size()
              + " entries but "
              + manifestWords
              + " layers has "
              + layers);
    }
  }

  /** Compares one layer's computed DiffID with the config's entry. */
  void diffId(Config config, int i, Ref layer, Digest actual) {
    List<String> ids = config.diffIds();
    if (ids == null || i >= ids.size()) {
      return;
    }
    Digest expected = Digest.tryParse(ids.get(i)).orElse(null);
    if (expected == null || !expected.algorithm().equals(actual.algorithm())) {
      return; // malformed (schema reports it) or hashed with another algorithm
    }
    if (!expected.equals(actual)) {
      reporter.at(
          DIFF_ID,
          config.doc(),
          "/rootfs/diff_ids/" + i,
          config.words()
              + " rootfs.diff_ids["
              + i
              + "]="
              + expected
              + " but "
              + layer.place().words()
              + " ("
              + layer.digest()
              + ") decompresses to a tar stream"
              + " hashing to "
              + actual);
    }
  }

  /** An index entry's platform agrees with the config's os, architecture and variant. */
  void platform(Ref entry, Config config) {
    Platform p = entry.descriptor().platform();
    if (p == null) {
      return;
    }
    ImageConfig c = config.model();
    compare(entry, config, "os", p.os(), "os", c.os());
    compare(entry, config, "architecture", p.architecture(), "architecture", c.architecture());
    compare(entry, config, "variant", p.variant(), "variant", value(c.variant()));
  }

  private void compare(
      Ref entry, Config config, String field, String theirs, String configField, String ours) {
    if (theirs != null && ours != null && !Objects.equals(theirs, ours)) {
      Place at = entry.place().child("platform").child(field);
      reporter.at(
          PLATFORM_MATCHES,
          at,
          at.words() + "=" + theirs + " but " + config.words() + " " + configField + "=" + ours);
    }
  }

  private static String value(Nullable<String> n) {
    return n == null || n.isNull() ? null : n.value();
  }
}
