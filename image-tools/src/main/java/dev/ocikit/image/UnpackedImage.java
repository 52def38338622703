package dev.ocikit.image;

import java.nio.file.Path;
import java.util.List;

/**
 * An image unpacked into {@code dest/rootfs}.
 *
 * @param rootfs the root filesystem directory
 * @param image the image chosen, with its manifest and config
 * @param warnings things the applier did differently from what the layers asked, one line each
 * @param layerEntries how many tar entries (whiteouts included) each layer had applied, in layer
 *     order; empty when not counted
 */
public record UnpackedImage(
    Path rootfs, ResolvedImage image, List<String> warnings, List<Long> layerEntries) {
  /**
   * Copies the lists so the result stays immutable.
   *
   * @param rootfs the root filesystem directory
   * @param image the image chosen
   * @param warnings what the applier did differently, one line each
   * @param layerEntries tar entries applied per layer, or empty
   */
  public UnpackedImage {
    warnings = List.copyOf(warnings);
    layerEntries = List.copyOf(layerEntries);
  }

  /**
   * An unpacked image without entry counts.
   *
   * @param rootfs the root filesystem directory
   * @param image the image chosen
   * @param warnings what the applier did differently, one line each
   */
  public UnpackedImage(Path rootfs, ResolvedImage image, List<String> warnings) {
    this(rootfs, image, warnings, List.of());
  }
}
