package dev.ocikit.image;

/**
 * Hears how an unpack advances, for progress bars. Calls come from the unpacking thread; byte
 * counts are compressed blob bytes read.
 */
public interface Progress {
  /** Hears nothing. */
  Progress NONE = new Progress() {};

  /**
   * Before the first layer: how many layers and compressed bytes there are.
   *
   * @param layers how many layers
   * @param totalBytes their compressed size in bytes
   */
  default void started(int layers, long totalBytes) {}

  /**
   * A layer's blob is opened ({@code index} from 0).
   *
   * @param index the layer's position
   * @param digest the blob digest
   * @param size the blob size in bytes
   */
  default void layerStarted(int index, String digest, long size) {}

  /**
   * {@code n} more blob bytes were read.
   *
   * @param n how many bytes
   */
  default void bytesRead(long n) {}

  /** Every layer was applied and the root filesystem is in place. */
  default void finished() {}
}
