package dev.ocikit.image.bundle;

import dev.ocikit.spec.image.ExecutionConfig;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.model.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime annotations conversion.md derives from an image config: the implicit ones ({@code
 * org.opencontainers.image.os}, {@code architecture}, {@code variant}, {@code os.version}, {@code
 * os.features}, {@code author}, {@code created}, {@code stopSignal}, {@code exposedPorts}), then
 * {@code Config.Labels}, which win over any implicit value with the same key. Nothing comes from
 * the manifest or the index, not even the {@code ref.name} the image was chosen by: conversion.md
 * says a converter should not extract annotations from them.
 *
 * @see <a
 *     href="https://github.com/opencontainers/image-spec/blob/v1.1.1/conversion.md#annotations">
 *     conversion.md: annotations</a>
 */
final class ImageAnnotations {
  static final String PREFIX = "org.opencontainers.image.";

  private ImageAnnotations() {}

  static Map<String, String> of(ImageConfig config) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "os", config.os());
    put(out, "architecture", config.architecture());
    put(out, "variant", value(config.variant()));
    put(out, "os.version", value(config.osVersion()));
    List<String> features = value(config.osFeatures());
    put(out, "os.features", features == null ? null : String.join(",", features));
    put(out, "author", value(config.author()));
    put(out, "created", value(config.created()));
    ExecutionConfig ec = value(config.config());
    if (ec != null) {
      put(out, "stopSignal", value(ec.stopSignal()));
      Map<String, ?> ports = value(ec.exposedPorts());
      if (ports != null && !ports.isEmpty()) {
        put(out, "exposedPorts", String.join(",", ports.keySet()));
      }
      Map<String, String> labels = value(ec.labels());
      if (labels != null) {
        out.putAll(labels);
      }
    }
    return out;
  }

  private static void put(Map<String, String> out, String key, String value) {
    if (value != null && !value.isEmpty()) {
      out.put(PREFIX + key, value);
    }
  }

  static <T> T value(Nullable<T> n) {
    return n == null ? null : n.value();
  }
}
