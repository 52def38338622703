package dev.ocikit.image.unpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * Unpacks {@code layers} into {@code dest/rootfs}, all or nothing: the layers are applied in a
   * temporary sibling directory that is renamed to {@code rootfs} only on success and removed on
   * any failure. {@code dest} is created with mode 0700 if missing; {@code dest/rootfs} must not
   * exist.
   *
   * @throws UnpackException if a layer is hostile, corrupt or exceeds a limit
   * @throws IOException if the destination cannot be written
   */
  public static UnpackResult unpack(List<LayerSource> layers, Path dest, UnpackOptions options)
      throws IOException {
    if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(
          dest, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rwx------"));
    } else if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
      throw new UnpackException("bundle directory " + dest + " exists and is not a directory");
    }
    Path rootfs = dest.resolve("rootfs");
    if (Files.exists(rootfs, LinkOption.NOFOLLOW_LINKS)) {
      throw new UnpackException(rootfs + " already exists");
    }
    Path tmp = Files.createTempDirectory(dest, ".rootfs-");
    try {
      // A fresh rootfs looks like one made by mkdir(1) until a "./" entry says otherwise, with
      // the epoch as its times (as umoci does), so that unpacking twice gives the same tree.
      Files.setAttribute(tmp, "unix:mode", 0755);
      Files.getFileAttributeView(tmp, BasicFileAttributeView.class)
          .setTimes(FileTime.fromMillis(0), FileTime.fromMillis(0), null);
      UnpackResult r = apply(layers, tmp, options);
      Files.move(tmp, rootfs, StandardCopyOption.ATOMIC_MOVE);
      return new UnpackResult(rootfs, r.warnings());
    } catch (IOException | RuntimeException | Error e) {
      try {
        new HostRootFs(tmp).removeTree(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /**
   * Applies {@code layers} in order onto the existing directory {@code root}. On failure the root
   * is left partly changed; use {@link #unpack} for all-or-nothing.
   *
   * @throws UnpackException if a layer is hostile, corrupt or exceeds a limit
   */
  public static UnpackResult apply(List<LayerSource> layers, Path root, UnpackOptions options)
      throws IOException {
    Path real = root.toRealPath();
    RootFs fs = options.rootless() ? new RootlessRootFs(real) : new HostRootFs(real);
    return apply(layers, real, options, fs);
  }

  /** As {@link #apply(List, Path, UnpackOptions)} with a given filesystem, for tests. */
  static UnpackResult apply(
      List<LayerSource> layers, Path realRoot, UnpackOptions options, RootFs fs)
      throws IOException {
    if (!Files.isDirectory(realRoot, LinkOption.NOFOLLOW_LINKS)) {
      throw new UnpackException("root " + realRoot + " is not a directory");
    }
    // Rootless mode adjusts every mode it sets, so it never leaves a chmod out.
    FreshInodes inodes =
        fs instanceof HostRootFs && !(fs instanceof RootlessRootFs)
            ? FreshInodes.forRoot(realRoot)
            : FreshInodes.none();
    fs = new KnownDirectories(fs);
    RootResolver resolver = new RootResolver(realRoot, fs);
    ByteBudget budget = new ByteBudget(options.maxTotalBytes());
    List<String> warnings = new ArrayList<>();
    if (Syscalls.fallbackWarning() != null) {
      warnings.add(Syscalls.fallbackWarning());
    }
    long[] entries = {0};
    for (int i = 0; i < layers.size(); i++) {
      LayerSource source = layers.get(i);
      String label = "layer " + i + " (" + source.name() + ")";
      try (LayerStream stream = open(source, budget, options, label)) {
        new LayerExtraction(fs, resolver, options, warnings, entries, label, inodes).run(stream);
      }
    }
    return new UnpackResult(realRoot, warnings);
  }

  private static LayerStream open(
      LayerSource source, ByteBudget budget, UnpackOptions options, String label)
      throws UnpackException {
    try {
      return LayerStream.open(source, budget, options);
    } catch (IOException e) {
      throw new UnpackException(label + ": cannot open layer: " + e.getMessage(), e);
    }
  }
}
