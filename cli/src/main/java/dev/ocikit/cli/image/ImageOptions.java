package dev.ocikit.cli.image;

import dev.ocikit.cli.support.Verbosity;
import dev.ocikit.image.IdMapping;
import dev.ocikit.image.PlatformSpec;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.spec.PosixIds;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by {@code unpack} and {@code bundle} (a picocli mixin). */
final class ImageOptions {
  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description =
          "Image to pick from an index (default: the only image, else this host's platform).")
  String platform;

  @Option(
      names = "--rootless",
      description =
          "Unpack as an unprivileged user: no chown, device nodes become empty files"
              + " (bundle: a rootless config with a user namespace).")
  boolean rootless;

  @Option(
      names = "--uid-map",
      paramLabel = "C:H:S",
      description = "Map layer uids C..C+S-1 to host uids H.. (repeatable).")
  List<String> uidMaps = new ArrayList<>();

  @Option(
      names = "--gid-map",
      paramLabel = "C:H:S",
      description = "Map layer gids C..C+S-1 to host gids H.. (repeatable).")
  List<String> gidMaps = new ArrayList<>();

  @Option(
      names = "--ref",
      paramLabel = "NAME",
      description =
          "Image to pick by org.opencontainers.image.ref.name, or @sha256:<hex> by digest (the"
              + " same as IMAGE:REF; both must agree).")
  String ref;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description =
          "text (default): a summary line; json: one JSON object on standard output saying what"
              + " was written and verified.")
  String format = "text";

  /** {@code --quiet} (no progress bar, no summary line) and {@code --verbose}, as everywhere. */
  @Mixin Verbosity verbosity = new Verbosity();

  @Mixin LimitOptions limits = new LimitOptions();

  /** The image operand merged with {@code --ref}. */
  ImageArgument image(String operand) {
    return ImageArgument.parse(operand, ref);
  }

  /** Whether {@code --format json} was asked for; an unknown format is a usage error. */
  boolean json() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new IllegalArgumentException(
          "--format: expected text or json, but got '" + format + "'");
    }
    return format.equals("json");
  }

  /** The platform asked for, or null. */
  private PlatformSpec platformSpec() {
    return platform == null ? null : PlatformSpec.parse(platform);
  }

  UnpackOptions unpackOptions() {
    return UnpackOptions.defaults()
        .withRootless(rootless)
        .withIdMaps(maps("--uid-map", uidMaps), maps("--gid-map", gidMaps))
        .withLimits(limits.limits())
        .withPlatform(platformSpec());
  }

  private static List<IdMapping> maps(String option, List<String> texts) {
    List<IdMapping> out = new ArrayList<>();
    for (String t : texts) {
      String[] p = t.split(":", -1);
      try {
        if (p.length != 3) {
          throw new IllegalArgumentException();
        }
        out.add(new IdMapping(id(p[0]), id(p[1]), id(p[2])));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            option + ": expected CONTAINER:HOST:SIZE with SIZE at least 1, but got '" + t + "'");
      }
    }
    return out;
  }

  /** An id or a count in ASCII digits ({@link PosixIds}). */
  private static long id(String text) {
    return PosixIds.parse(text).orElseThrow(IllegalArgumentException::new);
  }
}
