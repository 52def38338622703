package dev.ocikit.image.bundle;

import static dev.ocikit.image.bundle.ImageAnnotations.value;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.image.BundleOptions;
import dev.ocikit.image.ConversionException;
import dev.ocikit.image.IdMapping;
import dev.ocikit.image.ResolvedImage;
import dev.ocikit.spec.image.ExecutionConfig;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts an image config to a runtime config as image-spec conversion.md says, on top of {@link
 * ConfigGenerator#linux()} (namespaces, mounts, masked and read-only paths):
 *
 * <ul>
 *   <li>{@code Entrypoint} followed by {@code Cmd} become {@code process.args};
 *   <li>{@code Env} is copied verbatim, and the default {@code PATH} is added only if it has none;
 *   <li>{@code WorkingDir} becomes {@code process.cwd} verbatim ({@code /} when unset; a relative
 *       one is refused, since process.cwd must be absolute);
 *   <li>{@code User} is resolved by {@link UserResolver};
 *   <li>each of {@code Volumes} becomes a {@code tmpfs} mount ({@link VolumeMounts});
 *   <li>annotations come from {@link ImageAnnotations}.
 * </ul>
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/conversion.md">
 *     conversion.md</a>
 */
public final class ConfigConverter {
  static final String DEFAULT_PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ConfigConverter() {}

  /**
   * The runtime config for {@code image} unpacked at {@code rootfs}.
   *
   * @throws ConversionException if the image has no command, an unknown user or a relative working
   *     directory
   */
  public static RuntimeConfig convert(ResolvedImage image, Path rootfs, BundleOptions options)
      throws IOException {
    ImageConfig config = image.config();
    if (config.os() != null && !config.os().equals("linux")) {
      throw new ConversionException(
          "image os is '" + config.os() + "'; only linux images can be made into bundles");
    }
    ExecutionConfig ec = value(config.config());
    if (ec == null) {
      ec = ExecutionConfig.builder().build();
    }
    List<String> args = new ArrayList<>();
    addAll(args, value(ec.entrypoint()));
    addAll(args, value(ec.cmd()));
    if (args.isEmpty()) {
      throw new ConversionException("the image config has neither Entrypoint nor Cmd to run");
    }
    ConfigGenerator g = ConfigGenerator.linux().rootReadonly(options.readonlyRootfs());
    if (options.ociVersion() != null) {
      g.ociVersion(options.ociVersion());
    }
    g.process().args(args.toArray(String[]::new)).cwd(cwd(value(ec.workingDir())));
    ResolvedUser user = new UserResolver(rootfs).resolve(value(ec.user()));
    g.process().user(user.uid(), user.gid());
    if (!user.additionalGids().isEmpty()) {
      g.process()
          .additionalGids(user.additionalGids().stream().mapToLong(Long::longValue).toArray());
    }
    boolean mapped = options.unpack().rootless() || !options.unpack().uidMap().isEmpty();
    if (options.unpack().rootless()) {
      g.rootless();
    } else if (mapped) {
      g.linuxSettings().namespace(NamespaceType.USER);
      for (IdMapping m : options.unpack().uidMap()) {
        g.linuxSettings().uidMapping(m.hostId(), m.containerId(), m.size());
      }
      for (IdMapping m : options.unpack().gidMap()) {
        g.linuxSettings().gidMapping(m.hostId(), m.containerId(), m.size());
      }
    }
    VolumeMounts.add(g, value(ec.volumes()), rootfs, mapped);
    for (Map.Entry<String, String> a : ImageAnnotations.of(config).entrySet()) {
      g.annotation(a.getKey(), a.getValue());
    }
    RuntimeConfig built = g.build();
    return built.withProcess(built.process().withEnv(env(value(ec.env()))));
  }

  /** Image env verbatim; the default PATH only when the image sets none (conversion.md note 1). */
  static List<String> env(List<String> imageEnv) {
    List<String> out = new ArrayList<>();
    addAll(out, imageEnv);
    if (out.stream().noneMatch(e -> e.startsWith("PATH="))) {
      out.add(0, DEFAULT_PATH);
    }
    return out;
  }

  /**
   * WorkingDir verbatim ({@code /} when unset or empty). A relative one is refused rather than made
   * absolute: conversion.md says copy it unchanged, runtime-spec says process.cwd is absolute, and
   * no value satisfies both, so guessing would hide a broken image.
   */
  static String cwd(String workingDir) throws ConversionException {
    if (workingDir == null || workingDir.isEmpty()) {
      return "/";
    }
    if (!workingDir.startsWith("/")) {
      throw new ConversionException(
          "Config.WorkingDir \""
              + workingDir
              + "\" is relative: image-spec conversion.md copies it verbatim to process.cwd,"
              + " which runtime-spec config.md requires to be an absolute path");
    }
    return workingDir;
  }

  private static void addAll(List<String> to, List<String> from) {
    if (from != null) {
      to.addAll(from);
    }
  }
}
