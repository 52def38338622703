package dev.ocikit.image.verify;

import dev.ocikit.check.Level;
import dev.ocikit.check.RuleInfo;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whiteouts checked against the layers below them, once every layer of a manifest was read: a
 * whiteout should name a path some lower layer has. Layers are verified in parallel and in any
 * order, so each keeps its paths as sorted 64-bit hashes ({@link LayerLint.Paths}); at most {@link
 * #MAX_KEPT_PATHS} are kept for the whole run, and a manifest whose layers hold more is reported as
 * not checked. A hash collision can only hide a finding, never invent one. A path deleted by an
 * earlier whiteout still counts as present: the check asks whether any lower layer has it.
 */
final class WhiteoutChecks {
  /** A whiteout names a path that a lower layer has. */
  static final RuleInfo LAYER_WHITEOUT_TARGET =
      ImageRules.rule(
          "image.layer.whiteout.target-exists",
          Level.ADVICE,
          "A whiteout names a path that some lower layer of the image has; otherwise it deletes"
              + " nothing.",
          "layer.md#whiteouts");

  /** Path hashes kept across all layers of a run (32 MiB). */
  static final long MAX_KEPT_PATHS = 1L << 22;

  private final Reporter reporter;
  private final AtomicLong kept = new AtomicLong();

  WhiteoutChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The layer's paths if they fit in what the run may still keep, else without them. */
  LayerLint.Paths keep(LayerLint.Paths paths) {
    if (paths.paths() == null || kept.addAndGet(paths.paths().length) <= MAX_KEPT_PATHS) {
      return paths;
    }
    return new LayerLint.Paths(null, paths.whiteouts(), paths.whiteoutsDropped());
  }

  /**
   * Checks the whiteouts of each layer of one manifest against the layers below it.
   *
   * @param layers the manifest's tar layers, bottom first
   * @param results their verification results, in the same order
   */
  void check(List<Ref> layers, List<LayerVerifier.Result> results) {
    for (int i = 0; i < layers.size(); i++) {
      LayerLint.Paths own = results.get(i).paths();
      if (own == null || own.whiteouts().isEmpty()) {
        continue;
      }
      Ref ref = layers.get(i);
      String where = ref.place().words() + " (" + ref.blobPath() + ")";
      if (!lowerKnown(results, i)) {
        if (lowerRead(results, i)) {
          reporter.at(
              LayerLint.advice(LAYER_WHITEOUT_TARGET),
              ref.place(),
              where
                  + ": whiteouts not checked against lower layers: together they have more than "
                  + PathSet.MAX_PATHS
                  + " paths in one layer or "
                  + MAX_KEPT_PATHS
                  + " in all, the most kept in memory");
        }
        continue; // a lower layer that cannot be read is reported already
      }
      int found = 0;
      for (LayerLint.Whiteout w : own.whiteouts()) {
        if (!inLowerLayer(results, i, w.target()) && found++ < LayerLint.MAX_PER_RULE) {
          reporter.at(
              LAYER_WHITEOUT_TARGET,
              ref.place(),
              where
                  + ": entry \""
                  + w.unsafeName()
                  + "\" whites out "
                  + w.target()
                  + (i == 0
                      ? ", but this is the first layer: there is nothing below it to delete"
                      : ", which none of the " + i + " lower layers has"));
        }
      }
    }
  }

  private static boolean lowerKnown(List<LayerVerifier.Result> results, int i) {
    for (int j = 0; j < i; j++) {
      LayerLint.Paths p = results.get(j).paths();
      if (p == null || p.paths() == null) {
        return false;
      }
    }
    return true;
  }

  private static boolean lowerRead(List<LayerVerifier.Result> results, int i) {
    for (int j = 0; j < i; j++) {
      if (results.get(j).paths() == null) {
        return false;
      }
    }
    return true;
  }

  private static boolean inLowerLayer(List<LayerVerifier.Result> results, int i, String path) {
    for (int j = 0; j < i; j++) {
      if (PathSet.contains(results.get(j).paths().paths(), path)) {
        return true;
      }
    }
    return false;
  }
}
