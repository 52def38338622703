package dev.ocikit.validator;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.ImageReference;
import dev.ocikit.image.ImageSelectionException;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.validate.BundleValidator;
import dev.ocikit.validate.DocumentValidator;
import dev.ocikit.validate.DocumentValidator.Parsed;
import dev.ocikit.validate.schema.SchemaCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * "Validate this path", whatever it holds: a runtime bundle, a runtime config, an image layout, an
 * image archive or a single document (state, features, descriptor, manifest, index, image config,
 * …). The kind is decided once, here; a single file is read once, and its content decides between a
 * config (which gets the config rules) and another document.
 *
 * <pre>{@code
 * ValidationResult r = OciValidator.validate(Path.of("bundle"), ValidatorOptions.DEFAULT);
 * if (!r.valid()) {
 *   r.findings().forEach(f -> System.out.println(f.location() + " " + f.message()));
 * }
 * }</pre>
 *
 * <p>Stateless and thread safe: any number of threads may validate at once.
 */
public final class OciValidator {
  private OciValidator() {}

  /**
   * Validates {@code path} as what it holds.
   *
   * @param path a bundle, config, document, image layout or image archive
   * @param options the fail level, platform, forced type and image limits
   * @return the findings; a path that was read but is not valid is a result, not an exception
   * @throws NoSuchFileException if {@code path} does not exist
   * @throws IOException if it cannot be read (a FIFO or device, no permission) or an image does not
   *     fit within {@link ValidatorOptions#limits()}
   */
  public static ValidationResult validate(Path path, ValidatorOptions options) throws IOException {
    // The same decision as guess(); only a single file needs its content read, in validateFile.
    return switch (guess(path, options)) {
      case IMAGE_LAYOUT, IMAGE_ARCHIVE -> ImageValidator.validate(path, options.imageOptions());
      case BUNDLE -> BundleValidator.validate(path, options.validation());
      case RUNTIME_CONFIG, DOCUMENT -> {
        if (!Files.exists(path)) {
          throw new NoSuchFileException(path.toString(), null, "no such file or directory");
        }
        yield validateFile(path, options);
      }
    };
  }

  /**
   * Validates the image a skopeo-style reference names ({@code oci:DIR[:REF]}, {@code
   * oci-archive:FILE[:REF]}, see {@link ImageReference}): the whole layout or archive is validated,
   * and a {@code REF} must name exactly one image in it.
   *
   * @param reference the image reference
   * @param options the fail level, platform and image limits
   * @return the findings
   * @throws ImageSelectionException if {@code REF} names no image or several (listing the choices)
   * @throws IOException as {@link #validate(Path, ValidatorOptions)}
   */
  public static ValidationResult validate(ImageReference reference, ValidatorOptions options)
      throws IOException {
    return ImageValidator.validate(reference, options.imageOptions());
  }

  private static ValidationResult validateFile(Path file, ValidatorOptions options)
      throws IOException {
    DocumentValidator documents = new DocumentValidator(options.validation());
    FindingSink sink = new FindingSink(options.validation());
    Parsed parsed = documents.parse(file, options.type(), sink);
    if (parsed.type() == DocumentType.RUNTIME_CONFIG) {
      BundleValidator.checkConfig(parsed, sink);
    } else if (parsed.type() != null) {
      documents.checkParsed(parsed, sink);
    }
    String type = parsed.type() == null ? "unknown" : parsed.type().id();
    return new ValidationResult(file.toString(), type, sink.findings());
  }

  /**
   * What {@code path} holds, as {@link #validate} would treat it. For a single file without a
   * forced type this reads the file to look at its content.
   *
   * @param path the path to look at
   * @param options the options; a forced type makes a single file a document of that type
   * @return the kind of thing at {@code path}
   * @throws NoSuchFileException if {@code path} does not exist
   */
  public static PathKind detect(Path path, ValidatorOptions options) throws IOException {
    PathKind cheap = guess(path, options);
    if (cheap != PathKind.DOCUMENT || options.type() != null) {
      return cheap;
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such file or directory");
    }
    FindingSink ignored = new FindingSink(options.validation());
    Parsed parsed = new DocumentValidator(options.validation()).parse(path, null, ignored);
    return parsed.type() == DocumentType.RUNTIME_CONFIG ? PathKind.RUNTIME_CONFIG : cheap;
  }

  /**
   * The kind of {@code path} from its name and file type alone, without reading a document: a
   * single file is {@link PathKind#DOCUMENT} unless the options force the config type. For start-up
   * decisions that must not cost a read.
   *
   * @param path the path to look at
   * @param options the options; a forced type makes a single file a document
   * @return the kind of thing at {@code path}
   * @throws IOException if nothing is at {@code path} or its file type cannot be read
   */
  public static PathKind guess(Path path, ValidatorOptions options) throws IOException {
    if (Files.isDirectory(path)) {
      return ImageReference.isLayoutDirectory(path) ? PathKind.IMAGE_LAYOUT : PathKind.BUNDLE;
    }
    if (options.type() == null && Files.isRegularFile(path) && ImageReference.isArchive(path)) {
      return PathKind.IMAGE_ARCHIVE;
    }
    return options.type() == DocumentType.RUNTIME_CONFIG
        ? PathKind.RUNTIME_CONFIG
        : PathKind.DOCUMENT;
  }

  /**
   * Every bundle (a directory with {@code config.json}) and image layout at or under {@code
   * directory}, sorted; empty when there is none.
   *
   * @param directory the directory to search
   * @return the bundles and layouts found
   * @throws IOException if the directory cannot be listed
   */
  public static List<Path> findAll(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(
              d ->
                  Files.isRegularFile(d.resolve("config.json"))
                      || ImageReference.isLayoutDirectory(d))
          .sorted()
          .toList();
    }
  }

  /**
   * Starts compiling, on another thread, the schemas validating {@code paths} will most likely
   * need, so a short-lived process overlaps that work with its start-up. Reads no file: an image is
   * a directory with {@code oci-layout} or a name ending in {@code .tar}.
   *
   * @param paths the paths about to be validated
   */
  public static void warmUp(Collection<Path> paths) {
    boolean image = false;
    for (Path p : paths) {
      image |=
          ImageReference.hasTransport(p.toString()) || Files.isDirectory(p)
              ? ImageReference.isLayoutDirectory(p)
              : p.getFileName() != null && p.getFileName().toString().endsWith(".tar");
    }
    if (image) {
      SchemaCatalog.warmUp(
          DocumentType.IMAGE_LAYOUT,
          DocumentType.IMAGE_INDEX,
          DocumentType.IMAGE_MANIFEST,
          DocumentType.IMAGE_CONFIG);
    } else {
      SchemaCatalog.warmUp(DocumentType.RUNTIME_CONFIG);
    }
  }
}
