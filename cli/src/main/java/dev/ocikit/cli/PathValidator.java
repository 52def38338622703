package dev.ocikit.cli;

import dev.ocikit.check.ValidationOptions;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.layout.ImageSources;
import dev.ocikit.image.tar.TarLimits;
import dev.ocikit.image.verify.ImageValidationOptions;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.UntrustedText;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.json.JsonSyntaxException;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.validate.BundleValidator;
import dev.ocikit.validate.DocumentValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Decides what each path is (image layout, image archive, bundle, config, document) and validates
 * it accordingly. Referenced blobs absent from an image layout are warnings unless {@code
 * requireAllBlobs} asks for a completeness check.
 */
final class PathValidator {
  private final BundleValidator bundles;
  private final DocumentValidator documents;
  private final ImageValidator images = new ImageValidator();
  private final ImageValidationOptions imageOptions;
  private final DocumentType forced;

  PathValidator(
      ValidationOptions options, DocumentType forced, boolean requireAllBlobs, TarLimits limits) {
    this.bundles = new BundleValidator(options);
    this.documents = new DocumentValidator(options);
    this.imageOptions =
        ImageValidationOptions.DEFAULT
            .withFailLevel(options.failLevel())
            .withRequireAllBlobs(requireAllBlobs)
            .withLimits(limits);
    this.forced = forced;
  }

  /**
   * With {@code recursive}, replaces each directory by the bundles and image layouts under it; a
   * directory with none goes to {@code nothingFound} as a result that is not valid.
   */
  List<Path> expand(List<Path> paths, boolean recursive, Consumer<ValidationResult> nothingFound)
      throws IOException {
    if (!recursive) {
      return paths;
    }
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      try (Stream<Path> walk = Files.walk(p)) {
        List<Path> found =
            walk.filter(
                    d ->
                        Files.isRegularFile(d.resolve("config.json"))
                            || ImageSources.isLayoutDirectory(d))
                .sorted()
                .toList();
        if (found.isEmpty()) {
          nothingFound.accept(
              ValidationResult.unreadable(
                  p.toString(),
                  UntrustedText.printable(p.toString())
                      + ": no bundle (directory with config.json) or image layout found"));
        }
        out.addAll(found);
      }
    }
    return out;
  }

  ValidationResult validate(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      if (ImageSources.isLayoutDirectory(p)) {
        return images.validate(p, imageOptions);
      }
      return bundles.validate(p);
    }
    if (!Files.exists(p)) {
      throw new NoSuchFileException(p.toString(), null, "no such file or directory");
    }
    if (forced == null && ImageSources.isArchive(p)) {
      return images.validate(p, imageOptions);
    }
    if (forced == DocumentType.RUNTIME_CONFIG || (forced == null && isRuntimeConfig(p))) {
      return bundles.validateConfig(p);
    }
    return documents.validate(p, forced);
  }

  /** A runtime config by content, whatever its name, gets the semantic rules too. */
  private static boolean isRuntimeConfig(Path p) throws IOException {
    try {
      JsonDocument doc = StrictJson.reader().read(p);
      return DocumentType.detect(doc.root()).orElse(null) == DocumentType.RUNTIME_CONFIG;
    } catch (JsonSyntaxException notJson) {
      return false; // the document validator reports why
    }
  }
}
