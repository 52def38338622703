package dev.ocikit.image.tar;

import dev.ocikit.check.Finding;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.TarLimits;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.unpack.LayerApplier;
import dev.ocikit.image.unpack.LayerSource;
import dev.ocikit.spec.mediatype.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Run in a JVM of its own with a small heap by {@link HostileResourceTest}: unpacks or validates
 * one hostile input through the public API and prints one line of outcome ({@code REFUSED
 * <message>} or {@code DONE <summary>}), then the peak resident memory of this JVM ({@code PEAK
 * <kB>}, from /proc/self/status).
 */
public final class HostileInputMain {
  private HostileInputMain() {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    Path input = Path.of(args[1]);
    try {
      System.out.println("DONE " + run(mode, input, args));
    } catch (IOException e) {
      System.out.println("REFUSED " + String.valueOf(e.getMessage()).replace('\n', ' '));
    }
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        System.out.println("PEAK " + line.replaceAll("[^0-9]", ""));
      }
    }
  }

  private static String run(String mode, Path input, String[] args) throws IOException {
    switch (mode) {
      case "unpack" -> {
        Path root = Files.createTempDirectory(input.getParent(), "root");
        LayerSource layer =
            new LayerSource("hostile", Compression.UNKNOWN, () -> Files.newInputStream(input));
        return "unpacked into "
            + root
            + ", warnings "
            + LayerApplier.apply(List.of(layer), root, options(args)).warnings();
      }
      case "validate" -> {
        ValidationResult r = ImageValidator.validate(input, validationOptions(args));
        return "valid="
            + r.valid()
            + " "
            + r.findings().stream().map(Finding::ruleId).collect(Collectors.joining(","));
      }
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
  }

  private static UnpackOptions options(String[] args) {
    return UnpackOptions.defaults().withLimits(limits(args));
  }

  private static ImageValidationOptions validationOptions(String[] args) {
    return ImageValidationOptions.DEFAULT.withLimits(limits(args));
  }

  /** The default limits, or a lower total given as the third argument. */
  private static TarLimits limits(String[] args) {
    return args.length > 2
        ? TarLimits.DEFAULTS.withMaxTotalBytes(Long.parseLong(args[2]))
        : TarLimits.DEFAULTS;
  }
}
