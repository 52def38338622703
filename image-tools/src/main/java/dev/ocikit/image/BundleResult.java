package dev.ocikit.image;

import dev.ocikit.spec.runtime.RuntimeConfig;
import java.nio.file.Path;

/**
 * A runtime bundle made from an image.
 *
 * @param bundle the bundle directory
 * @param config the runtime config written to {@code bundle/config.json}
 * @param unpacked the unpacked image
 */
public record BundleResult(Path bundle, RuntimeConfig config, UnpackedImage unpacked) {}
