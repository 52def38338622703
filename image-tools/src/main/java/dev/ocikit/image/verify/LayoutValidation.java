package dev.ocikit.image.verify;

import dev.ocikit.check.Finding;
import dev.ocikit.check.FindingSink;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.spec.file.IoErrors;
import dev.ocikit.validate.DocumentValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** One validation run over an image source: layout structure, then the descriptor walk. */
public final class LayoutValidation {
  private LayoutValidation() {}

  /**
   * Runs every image check over {@code source}.
   *
   * @return every finding, in a stable order
   * @throws dev.ocikit.image.tar.TarLimitException if a layer reached one of {@link
   *     ImageValidationOptions#limits()}: the image could not be checked within them
   * @throws IOException if the operating system refused to read the layout (its files, the list of
   *     blobs, a blob): the image was not read, which is no finding about it
   */
  public static List<Finding> run(ImageSource source, ImageValidationOptions options)
      throws IOException {
    return run(source, options, LayerReading.EntryObserver.NONE);
  }

  /** As {@link #run(ImageSource, ImageValidationOptions)}, showing every layer entry read. */
  static List<Finding> run(
      ImageSource source, ImageValidationOptions options, LayerReading.EntryObserver observer)
      throws IOException {
    try {
      return walk(source, options, observer);
    } catch (UncheckedIOException | CompletionException e) {
      if (IoErrors.unwrap(e) instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  /**
   * The findings about the layout's {@code oci-layout} file alone: the check unpacking makes before
   * it reads anything else, so both refuse the same markers with the same words.
   *
   * @throws IOException if the operating system refused to read the file
   */
  public static List<Finding> ociLayout(ImageSource source) throws IOException {
    if (LayoutChecks.plainOciLayout(source)) {
      return List.of(); // what every layout holds; the schema library would cost a cold start
    }
    ValidationOptions options = ImageValidationOptions.DEFAULT.documentOptions();
    Reporter reporter =
        new Reporter(new FindingSink(options), new DocumentValidator(options), false);
    new LayoutChecks(source, reporter).ociLayout();
    reporter.checkDeferred();
    return reporter.findings();
  }

  private static List<Finding> walk(
      ImageSource source, ImageValidationOptions options, LayerReading.EntryObserver observer)
      throws IOException {
    FindingSink sink = new FindingSink(options.documentOptions());
    Reporter reporter =
        new Reporter(
            sink, new DocumentValidator(options.documentOptions()), options.requireAllBlobs());
    LayoutChecks layout = new LayoutChecks(source, reporter);
    layout.ociLayout();
    layout.blobNames();
    Optional<LayoutChecks.Index> index = layout.index();
    LayerReading layers = new LayerReading(options.limits(), observer);
    if (index.isPresent()) {
      ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), daemonThreads());
      try {
        new ImageWalk(reporter, new BlobReader(source, reporter), pool, layers)
            .run(index.get().doc(), index.get().model());
      } finally {
        pool.shutdownNow();
      }
      layers.check();
    }
    reporter.checkDeferred(); // documents read outside the walk, or with no walk at all
    return reporter.findings();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "ocikit-verify-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
