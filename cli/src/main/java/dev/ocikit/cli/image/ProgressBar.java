package dev.ocikit.cli.image;

import dev.ocikit.image.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on standard error: layers done and compressed megabytes read, redrawn
 * with a carriage return at most ten times a second. Used only when standard error is a terminal.
 */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private int layers;
  private int layer;
  private long total;
  private long read;
  private long lastDraw;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  /** A bar when {@code interactive}, else {@link Progress#NONE}. */
  static Progress forTerminal(boolean interactive, PrintWriter err) {
    return interactive ? new ProgressBar(err) : Progress.NONE;
  }

  /** Whether a person is watching: a console and no {@code NO_COLOR} (as the CLI's Terminal). */
  static boolean interactive() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }

  @Override
  public void started(int layerCount, long totalBytes) {
    layers = layerCount;
    total = Math.max(totalBytes, 1);
    draw(true);
  }

  @Override
  public void layerStarted(int index, String digest, long size) {
    layer = index + 1;
    draw(true);
  }

  @Override
  public void bytesRead(long n) {
    read += n;
    draw(false);
  }

  @Override
  public void finished() {
    read = total;
    draw(true);
    err.println();
    err.flush();
  }

  private void draw(boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    int filled = (int) Math.min(WIDTH, read * WIDTH / total);
    err.print(
        String.format(
            Locale.ROOT,
            "\r[%s%s] layer %d/%d  %.1f/%.1f MB",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            layer,
            layers,
            read / 1e6,
            total / 1e6));
    err.flush();
  }
}
