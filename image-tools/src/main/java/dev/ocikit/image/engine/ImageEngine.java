package dev.ocikit.image.engine;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Location;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.BundleOptions;
import dev.ocikit.image.BundleResult;
import dev.ocikit.image.ImageToolsProvider;
import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.UnpackedImage;
import dev.ocikit.image.bundle.ImageQuery;
import dev.ocikit.image.bundle.ImageResolver;
import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.image.layout.ImageSources;
import dev.ocikit.image.verify.LayoutValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** image-tools' {@link ImageToolsProvider}: validation here, unpacking in {@link Unpacking}. */
public final class ImageEngine implements ImageToolsProvider {
  /** Made by {@link java.util.ServiceLoader}. */
  public ImageEngine() {}

  @Override
  public ValidationResult validate(Path image, String ref, ImageValidationOptions options)
      throws IOException {
    String type =
        Files.isDirectory(image) ? ImageValidator.TYPE_LAYOUT : ImageValidator.TYPE_ARCHIVE;
    try (ImageSource source = ImageSources.open(image, options.limits())) {
      List<Finding> findings = new ArrayList<>();
      for (Finding f : LayoutValidation.run(source, options)) {
        findings.add(under(image, type.equals(ImageValidator.TYPE_ARCHIVE), f));
      }
      if (ref != null) {
        // Throws ImageSelectionException, listing the choices, unless exactly one image matches.
        new ImageResolver(source).resolve(ImageQuery.ref(ref));
      }
      return new ValidationResult(image.toString(), type, findings);
    }
  }

  @Override
  public boolean isArchive(Path path) throws IOException {
    return ImageSources.isArchive(path);
  }

  @Override
  public UnpackedImage unpack(Path image, String ref, Path dest, UnpackOptions options)
      throws IOException {
    return Unpacking.unpack(image, ref, dest, options);
  }

  @Override
  public BundleResult createBundle(Path image, String ref, Path dest, BundleOptions options)
      throws IOException {
    return Unpacking.createBundle(image, ref, dest, options);
  }

  /**
   * {@code f} with its file named as the user named the image, as bundle findings name {@code
   * bundle/config.json}, so that SARIF consumers can map it: {@code img/index.json} for a layout
   * directory, {@code img.tar!/index.json} (the entry inside the archive, as jar URLs write it) for
   * an archive.
   */
  private static Finding under(Path image, boolean archive, Finding f) {
    Location l = f.location();
    if (l == null || l.file() == null) {
      return f;
    }
    String base = image.toString();
    String file =
        archive ? base + "!/" + l.file() : base + (base.endsWith("/") ? "" : "/") + l.file();
    return new Finding(
        f.ruleId(),
        f.level(),
        f.severity(),
        f.message(),
        new Location(file, l.pointer(), l.line(), l.column()),
        f.specRef(),
        f.requirements());
  }
}
