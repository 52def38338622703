package dev.ocikit.image.unpack;

import dev.ocikit.image.UnpackCancelledException;
import dev.ocikit.image.UnpackException;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.UnsafeDestinationException;
import dev.ocikit.image.tar.TarBudget;
import dev.ocikit.spec.file.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies OCI image layers onto a root directory, as the <a
 * href="https://github.com/opencontainers/image-spec/blob/v1.1.1/layer.md#applying-changesets">image-spec
 * "Applying Changesets"</a> rules say: regular files, directories, symlinks, hardlinks, device
 * nodes and FIFOs, whiteouts and opaque whiteouts, owner, mode (setuid, setgid and sticky
 * included), times and xattrs.
 *
 * <p>Layers are untrusted. Nothing outside the root is ever created, changed or removed: every name
 * is resolved inside the root as if chrooted, a final symlink is never followed, and the root
 * itself can never become a symlink or a non-directory. Size and count limits from {@link
 * UnpackOptions} stop archive bombs. See {@code docs/security.md} for the threat model.
 *
 * <p>Device nodes and FIFOs are created, and times and xattrs set, by C library calls through JNA
 * (Java has no mknod), or by running {@code mknod(1)}, {@code touch(1)} and {@code setfattr(1)}
 * where JNA cannot load (a warning says so); in rootless mode devices become empty regular files.
 */
public final class LayerApplier {
  private LayerApplier() {}

  /** Files published beside {@code dest/rootfs}, made from the finished, still private tree. */
  @FunctionalInterface
  public interface BundleFiles {
    /** No files: only {@code rootfs}. */
    BundleFiles NONE = tree -> Map.of();

    /**
     * Returns plain file names (no {@code /}, not starting with {@code .}) and their content.
     *
     * @param tree the complete tree, which nobody else can reach yet; only its root's own owner,
     *     mode and access ACL are still to be applied
     */
    Map<String, byte[]> make(Path tree) throws IOException;
  }

  /**
   * Unpacks {@code layers} into {@code dest/rootfs}, all or nothing: the layers are applied in a
   * temporary sibling directory that is renamed to {@code rootfs} only on success and removed on
   * any failure or cancellation ({@link UnpackOptions#cancellation()}). {@code dest} is created
   * with mode 0700 if missing; {@code dest/rootfs} must not exist.
   *
   * <p>No other user can reach any part of the tree until it is complete: its root stays mode 0700
   * and owned by this process until it has been renamed, and only then gets the owner and mode the
   * layers gave it. {@code dest} and the directories above it must therefore be changeable by
   * nobody but root and this user (a sticky directory like {@code /tmp} is fine as long as the
   * entry below it is ours). Trees left by an unpack into {@code dest} that was killed are removed
   * (a warning says so).
   *
   * @throws UnpackException if a layer is hostile, corrupt or exceeds a limit
   * @throws UnsafeDestinationException if another user could change {@code dest} or a directory
   *     above it
   * @throws UnpackCancelledException if cancelled; the partial tree is removed
   * @throws IOException if the destination cannot be written
   */
  public static UnpackResult unpack(List<LayerSource> layers, Path dest, UnpackOptions options)
      throws IOException {
    return StagedUnpack.run(layers, dest, options, BundleFiles.NONE);
  }

  /**
   * As {@link #unpack(List, Path, UnpackOptions)}, and publishes {@code files} beside {@code
   * dest/rootfs} with it: each is written under a temporary name and renamed right after {@code
   * rootfs}; none replaces an existing file, and on failure none is left.
   */
  public static UnpackResult unpack(
      List<LayerSource> layers, Path dest, UnpackOptions options, BundleFiles files)
      throws IOException {
    return StagedUnpack.run(layers, dest, options, files);
  }

  /**
   * Applies {@code layers} in order onto the existing directory {@code root}. On failure the root
   * is left partly changed; use {@link #unpack} for all-or-nothing. Owners and modes that would let
   * other users change the tree (the root's, and those of directories writable by group or others
   * or given to another owner) are applied last, but {@code root} is not private: a process of
   * another user that can already write below it can redirect what is written (see {@code
   * docs/security.md}).
   *
   * @throws UnpackException if a layer is hostile, corrupt or exceeds a limit
   * @throws UnpackCancelledException if cancelled; the root is left partly changed
   */
  public static UnpackResult apply(List<LayerSource> layers, Path root, UnpackOptions options)
      throws IOException {
    Path real = root.toRealPath();
    return apply(layers, real, options, hostFs(real, options));
  }

  /** As {@link #apply(List, Path, UnpackOptions)} with a given filesystem, for tests. */
  static UnpackResult apply(
      List<LayerSource> layers, Path realRoot, UnpackOptions options, RootFs fs)
      throws IOException {
    if (!Files.isDirectory(realRoot, LinkOption.NOFOLLOW_LINKS)) {
      throw new UnpackException("root " + realRoot + " is not a directory");
    }
    CancelGuard c = new CancelGuard(options.cancellation());
    FreshInodes inodes = predictions(fs, realRoot);
    // Others may change a shared root at any time: no fact about it is remembered between calls.
    DeferredModes modes =
        new DeferredModes(new CancellationPoints(fs, c), realRoot, -1, !options.rootless());
    try {
      c.enter();
      List<Long> entries = new ArrayList<>();
      List<String> warnings = applyLayers(layers, realRoot, options, modes, inodes, entries);
      modes.finishInside();
      warnings.addAll(modes.finishRoot(fs, realRoot));
      return new UnpackResult(realRoot, warnings, entries);
    } catch (IOException | RuntimeException e) {
      if (!c.isCancelled()) {
        throw e;
      }
      c.leave();
      UnpackCancelledException x = new UnpackCancelledException("the root is left partly changed");
      x.initCause(e);
      throw x;
    } finally {
      c.leave();
    }
  }

  static RootFs hostFs(Path root, UnpackOptions options) {
    return options.rootless() ? new RootlessRootFs(root) : new HostRootFs(root);
  }

  /** Rootless mode adjusts every mode it sets, so it never leaves a chmod out. */
  static FreshInodes predictions(RootFs host, Path realRoot) {
    return host instanceof HostRootFs && !(host instanceof RootlessRootFs)
        ? FreshInodes.forRoot(realRoot)
        : FreshInodes.none();
  }

  /**
   * Applies every layer through {@code fs}; returns the warnings and adds to {@code entries} how
   * many tar entries each layer had applied.
   */
  static List<String> applyLayers(
      List<LayerSource> layers,
      Path realRoot,
      UnpackOptions options,
      RootFs fs,
      FreshInodes inodes,
      List<Long> entries)
      throws IOException {
    RootResolver resolver = new RootResolver(realRoot, fs);
    TarBudget budget = new TarBudget(options.limits());
    List<String> warnings = new ArrayList<>();
    if (Syscalls.fallbackWarning() != null) {
      warnings.add(Syscalls.fallbackWarning());
    }
    for (int i = 0; i < layers.size(); i++) {
      LayerSource source = layers.get(i);
      String label = "layer " + i + " (" + source.name() + ")";
      try (LayerStream stream = open(source, budget, label)) {
        entries.add(
            new LayerExtraction(fs, resolver, options, warnings, label, inodes).run(stream));
      }
    }
    return warnings;
  }

  private static LayerStream open(LayerSource source, TarBudget budget, String label)
      throws UnpackException {
    try {
      return LayerStream.open(source, budget);
    } catch (IOException e) {
      throw new UnpackException(label + ": cannot open layer: " + IoErrors.describe(e), e);
    }
  }
}
