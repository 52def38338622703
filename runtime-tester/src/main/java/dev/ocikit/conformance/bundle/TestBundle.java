package dev.ocikit.conformance.bundle;

import dev.ocikit.spec.runtime.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A bundle directory with a busybox rootfs, a config being edited, and a "shared" directory that is
 * bind-mounted into the container at the same absolute path it has on the host. Markers and hook
 * logs are written there, so a hook works whichever mount namespace it runs in.
 */
public final class TestBundle {
  private final Path dir;
  private final Path shared;
  private final ConfigEditor config;
  private final Rootless rootless;
  private final String id;

  private TestBundle(Path dir, Path shared, ConfigEditor config, Rootless rootless, String id) {
    this.id = id;
    this.dir = dir;
    this.shared = shared;
    this.config = config;
    this.rootless = rootless;
  }

  /**
   * Creates {@code dir} with rootfs and shared dir; config.json, declaring {@code ociVersion}, is
   * written by {@link #write()}.
   */
  public static TestBundle create(Path dir, String id, String ociVersion) throws IOException {
    return create(dir, id, ociVersion, null);
  }

  /**
   * Creates {@code dir} as {@link #create(Path, String, String)} does; when {@code rootless} is
   * given, {@link #write()} also adapts the config to it and gives the bundle to its user.
   */
  public static TestBundle create(Path dir, String id, String ociVersion, Rootless rootless)
      throws IOException {
    if (!BusyboxRootfs.available()) {
      throw new IOException("no static busybox at " + BusyboxRootfs.BUSYBOX);
    }
    Files.createDirectories(dir);
    BusyboxRootfs.populate(dir.resolve("rootfs"));
    Path shared = Files.createDirectories(dir.resolve("shared")).toAbsolutePath();
    // World-writable so that a process running as a non-root uid can still report back.
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    ConfigEditor editor = new ConfigEditor(DefaultConfig.create(id).ociVersion(ociVersion));
    editor.mount(shared.toString(), "bind", shared.toString(), "rbind", "rw");
    // Container scripts find the shared dir through $MARK.
    editor.env("MARK=" + shared);
    return new TestBundle(dir.toAbsolutePath(), shared, editor, rootless, id);
  }

  public Path dir() {
    return dir;
  }

  public Path rootfs() {
    return dir.resolve("rootfs");
  }

  /** Host path of the shared dir; the same path inside the container. */
  public Path shared() {
    return shared;
  }

  public ConfigEditor config() {
    return config;
  }

  /**
   * Writes config.json and returns the intended config the harness keeps as its oracle.
   *
   * @throws NotApplicable when the bundle is rootless and the config asks for what that cannot give
   */
  public RuntimeConfig write() throws IOException {
    if (rootless != null) {
      rootless.adapt(config, id); // before the snapshot: the oracle is what the runtime is given
    }
    RuntimeConfig snapshot = config.snapshot();
    config.generator().write(dir.resolve("config.json"));
    if (rootless != null) {
      rootless.own(dir);
    }
    return snapshot;
  }
}
