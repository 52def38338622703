package dev.ocikit.image.unpack;

import dev.ocikit.image.unpack.TreeSnapshot.Node;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Compares a tree unpacked by umoci with ours, path by path and field by field. Only the
 * differences {@code docs/image-tools.md} documents as umoci's own choices pass, each checked
 * against what it must look like and counted; any other names the path, the field and both values.
 */
final class UmociComparison {
  static final String FAR_FUTURE = "umoci wraps times past 2262 (int64 nanoseconds)";
  static final String NOW = "umoci leaves 'now' on a directory it changed below an entry's parent";

  /** The largest time in int64 nanoseconds since the epoch, where umoci's arithmetic wraps. */
  private static final Instant NANOS_END = Instant.ofEpochSecond(0, Long.MAX_VALUE);

  /** ext4's earliest time: the kernel clamps earlier ones to it. */
  private static final Instant EXT4_MIN = Instant.ofEpochSecond(Integer.MIN_VALUE);

  private final ModelTree model;
  private final Instant from;
  private final Instant to;
  private final Map<String, Integer> tolerated;

  /**
   * @param model what the layers gave each directory
   * @param from before either unpack started, {@code to} after both ended: "now" for umoci
   * @param tolerated where each documented difference met is counted (shared by threads)
   */
  UmociComparison(ModelTree model, Instant from, Instant to, Map<String, Integer> tolerated) {
    this.model = model;
    this.from = from;
    this.to = to;
    this.tolerated = tolerated;
  }

  /** The first difference that is not one of umoci's documented choices, or null. */
  String firstDifference(SortedMap<String, Node> theirs, SortedMap<String, Node> ours) {
    for (String path : new TreeSet<>(union(theirs, ours))) {
      String where = path.isEmpty() ? "/ (the root)" : "/" + path;
      Node t = theirs.get(path);
      Node o = ours.get(path);
      if (t == null || o == null) {
        return where
            + ": umoci="
            + (t == null ? "absent" : t)
            + " ours="
            + (o == null ? "absent" : o);
      }
      Map<String, Object> tf = t.fields();
      Map<String, Object> of = o.fields();
      for (String field : tf.keySet()) {
        if (Objects.equals(tf.get(field), of.get(field))
            || field.equals("mtime") && documented(path, t, o)) {
          continue;
        }
        return where + ": " + field + " umoci=" + tf.get(field) + " ours=" + of.get(field);
      }
    }
    return null;
  }

  private static java.util.Set<String> union(Map<String, Node> a, Map<String, Node> b) {
    java.util.Set<String> s = new TreeSet<>(a.keySet());
    s.addAll(b.keySet());
    return s;
  }

  private boolean documented(String path, Node theirs, Node ours) {
    if (ours.mtime().isAfter(NANOS_END) && wrapped(ours.mtime(), theirs.mtime())) {
      return count(FAR_FUTURE);
    }
    ModelTree.Node m = model.get(path);
    boolean dir = (theirs.mode() & 0170000) == 0040000;
    if (dir && m != null && isNow(theirs.mtime())) {
      // Ours keeps what the last entry for the directory gave it (a directory made as a missing
      // parent has no such entry: then ours is "now" too).
      boolean ok = m.dirTime == null ? isNow(ours.mtime()) : m.dirTime.equals(ours.mtime());
      return ok && count(NOW);
    }
    return false;
  }

  /** Go's {@code UnixNano()} overflows past 2262; the kernel clamps what is left to the fs. */
  private static boolean wrapped(Instant exact, Instant theirs) {
    long nanos = exact.getEpochSecond() * 1_000_000_000L + exact.getNano(); // wraps like Go
    Instant w =
        Instant.ofEpochSecond(
            Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    return theirs.equals(w) || (w.isBefore(EXT4_MIN) && theirs.equals(EXT4_MIN));
  }

  private boolean isNow(Instant t) {
    return !t.isBefore(from) && !t.isAfter(to);
  }

  private boolean count(String what) {
    tolerated.merge(what, 1, Integer::sum);
    return true;
  }
}
