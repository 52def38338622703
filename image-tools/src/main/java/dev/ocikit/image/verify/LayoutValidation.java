package dev.ocikit.image.verify;

import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.validate.DocumentValidator;
import dev.ocikit.validate.Finding;
import dev.ocikit.validate.FindingSink;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
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
   * @throws IOException if the list of blob files cannot be read
   */
  public static List<Finding> run(ImageSource source, ImageValidationOptions options)
      throws IOException {
    return run(source, options, LayerReading.EntryObserver.NONE);
  }

  /** As {@link #run(ImageSource, ImageValidationOptions)}, showing every layer entry read. */
  static List<Finding> run(
      ImageSource source, ImageValidationOptions options, LayerReading.EntryObserver observer)
      throws IOException {
    FindingSink sink = new FindingSink(options.documentOptions());
    Reporter reporter =
        new Reporter(
            sink, new DocumentValidator(options.documentOptions()), options.allowMissing());
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
