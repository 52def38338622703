package dev.ocikit.image.unpack;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a successful apply or unpack.
 *
 * @param rootfs the directory the layers were applied to
 * @param warnings things done differently from what the layers asked, one line each, naming layer
 *     and entry (whiteouts of missing paths, xattrs that could not be set, device placeholders)
 * @param layerEntries how many tar entries (whiteouts included) each layer had applied, in layer
 *     order
 */
public record UnpackResult(Path rootfs, List<String> warnings, List<Long> layerEntries) {
  // Copies the lists so the result stays immutable.
  public UnpackResult {
    warnings = List.copyOf(warnings);
    layerEntries = List.copyOf(layerEntries);
  }

  /** A result without entry counts. */
  public UnpackResult(Path rootfs, List<String> warnings) {
    this(rootfs, warnings, List.of());
  }
}
