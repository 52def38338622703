package dev.ocikit.image.verify;

import dev.ocikit.image.TarLimits;
import dev.ocikit.image.tar.TarBudget;
import dev.ocikit.image.tar.TarEntry;
import dev.ocikit.image.tar.TarLimitException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How the layers of one validation are read: under one {@link TarBudget}, shared by the threads
 * that verify layers in parallel. A limit reached means the image could not be checked within the
 * limits, which is no finding about the image: the first one is kept, and {@link LayoutValidation}
 * fails the whole validation with it once the walk is over.
 */
final class LayerReading {
  /** Sees every entry of every layer as the lint does; for tests. */
  interface EntryObserver {
    void entry(Ref layer, TarEntry entry);

    EntryObserver NONE = (layer, entry) -> {};
  }

  private final TarBudget budget;
  private final EntryObserver observer;
  private final AtomicReference<TarLimitException> reached = new AtomicReference<>();

  LayerReading(TarLimits limits, EntryObserver observer) {
    this.budget = new TarBudget(limits);
    this.observer = observer;
  }

  TarBudget budget() {
    return budget;
  }

  void observe(Ref layer, TarEntry entry) {
    observer.entry(layer, entry);
  }

  /** Keeps the first limit reached, with the layer it was reached in. */
  void reached(Ref layer, TarLimitException e) {
    reached.compareAndSet(null, e.within(layer.place().words() + " (" + layer.blobPath() + ")"));
  }

  /** Throws the first limit reached, if any. */
  void check() throws TarLimitException {
    TarLimitException e = reached.get();
    if (e != null) {
      throw e;
    }
  }
}
