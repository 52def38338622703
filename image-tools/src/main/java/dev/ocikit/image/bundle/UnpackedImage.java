package dev.ocikit.image.bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * An image unpacked into {@code dest/rootfs}.
 *
 * @param rootfs the root filesystem directory
 * @param image the image chosen, with its manifest and config
 * @param warnings things the applier did differently from what the layers asked, one line each
 */
public record UnpackedImage(Path rootfs, ResolvedImage image, List<String> warnings) {
  // Copies the warnings so the result stays immutable.
  public UnpackedImage {
    warnings = List.copyOf(warnings);
  }
}
