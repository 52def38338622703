package dev.ocikit.image.unpack;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.ocikit.image.UnpackCancelledException;
import dev.ocikit.image.UnpackOptions;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One all-or-nothing unpack into {@code dest/rootfs} ({@link LayerApplier#unpack}). In order: the
 * destination is checked (or made) private, a locked staging directory is made in it and leftovers
 * of killed unpacks are cleaned up, the layers are applied with the tree's root kept 0700 and ours,
 * what was held back below the root is applied, the bundle files are written aside, the tree and
 * files are renamed into place, and only then does the root get its own owner and mode. Up to the
 * renames a cancellation or failure removes everything; only this thread ever touches the tree.
 */
final class StagedUnpack {
  private StagedUnpack() {}

  static UnpackResult run(
      List<LayerSource> layers, Path dest, UnpackOptions options, LayerApplier.BundleFiles files)
      throws IOException {
    if (options.cancellation().isCancelled()) {
      throw new UnpackCancelledException("nothing was written");
    }
    Path real = DestinationCheck.resolve(dest);
    if (Files.exists(real.resolve("rootfs"), NOFOLLOW_LINKS)) {
      // A taken destination is a usage error, not a fault of the image.
      throw new FileAlreadyExistsException(
          dest.resolve("rootfs").toString(), null, "already exists");
    }
    try (StagingDirectory staging = StagingDirectory.create(real)) {
      List<String> warnings = new ArrayList<>(StaleStaging.clean(real, staging));
      List<Long> entries = new ArrayList<>();
      DeferredModes modes = build(layers, staging, options, files, warnings, entries);
      Path rootfs = staging.publish();
      try {
        warnings.addAll(modes.finishRoot(LayerApplier.hostFs(rootfs, options), rootfs));
      } catch (IOException | RuntimeException e) {
        // Take the tree back only while nobody else can have been inside its root.
        String why = StagingDirectory.notPrivate(rootfs);
        if (why != null) {
          throw new IOException(
              rootfs + ": its root's owner and mode could not be set, and " + why, e);
        }
        staging.withdraw(e);
        throw e;
      }
      return new UnpackResult(dest.resolve("rootfs"), warnings, entries);
    }
  }

  /** Applies the layers in the staging tree and writes the bundle files; all still private. */
  private static DeferredModes build(
      List<LayerSource> layers,
      StagingDirectory staging,
      UnpackOptions options,
      LayerApplier.BundleFiles files,
      List<String> warnings,
      List<Long> entries)
      throws IOException {
    CancelGuard c = new CancelGuard(options.cancellation());
    Path tree = staging.tree();
    RootFs host = LayerApplier.hostFs(tree, options);
    try {
      c.enter();
      // The tree's root stays 0700 and ours until it is renamed, so nobody else can change
      // anything below it and what KnownDirectories remembers stays true.
      DeferredModes modes =
          new DeferredModes(
              new KnownDirectories(new CancellationPoints(host, c)),
              tree,
              0755,
              !options.rootless());
      warnings.addAll(
          LayerApplier.applyLayers(
              layers, tree, options, modes, LayerApplier.predictions(host, tree), entries));
      modes.finishInside();
      for (Map.Entry<String, byte[]> f : files.make(tree).entrySet()) {
        staging.write(f.getKey(), f.getValue());
      }
      c.commit();
      return modes;
    } catch (IOException | RuntimeException | Error e) {
      c.leave();
      if (!c.isCancelled()) {
        throw e;
      }
      String outcome;
      try {
        outcome = staging.discard();
      } catch (IOException cleanup) {
        outcome =
            "the partial tree "
                + tree
                + " could not be removed ("
                + cleanup.getMessage()
                + "); the next unpack into its directory removes it";
      }
      UnpackCancelledException x = new UnpackCancelledException(outcome);
      x.initCause(e);
      throw x;
    }
  }
}
