package dev.ocikit.image.verify;

import dev.ocikit.check.Level;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.image.tar.SparseEntryException;
import dev.ocikit.image.tar.TarEntry;
import dev.ocikit.image.tar.TarText;
import dev.ocikit.spec.UntrustedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the entry names of one layer as they stream past: duplicate paths, bare {@code .wh.}
 * whiteouts, absolute names, {@code ..} components, names that are not UTF-8, and whiteouts of a
 * file the same layer creates; and reports a sparse entry, where reading stopped. It also keeps
 * what the whiteout checks across layers need ({@link WhiteoutChecks}): the layer's paths as hashes
 * and its whiteout targets. Collects at most a few findings per rule so a hostile layer cannot
 * flood the report, and holds at most {@link PathSet#MAX_PATHS} paths.
 */
final class LayerLint {
  /**
   * The tar stream ends with its end-of-archive marker. layer.md makes a layer a tar archive, and
   * POSIX ends one with two zero blocks; a stream cut after a complete entry is what an unclosed
   * writer leaves (umoci's insert before 0.5.0). Unpacking accepts it with a warning, as umoci,
   * bsdtar and Go's archive/tar do; content cut inside an entry stays {@link #LAYER_FORMAT}.
   */
  static final RuleInfo LAYER_END_OF_ARCHIVE =
      ImageRules.rule(
          "image.layer.end-of-archive",
          Level.MUST,
          "A layer's tar stream ends with the end-of-archive marker (two zero blocks) after its"
              + " last entry; a stream cut inside an entry is image.layer.format.",
          "layer.md#distributable-format");

  /** No duplicate paths in one layer. */
  static final RuleInfo LAYER_ENTRY_UNIQUE =
      ImageRules.rule(
          "image.layer.entry.unique",
          Level.MUST,
          "A layer tar has no duplicate entries for one file path.",
          "layer.md#distributable-format");

  /** No bare {@code .wh.}. */
  static final RuleInfo LAYER_WHITEOUT_BARE =
      ImageRules.rule(
          "image.layer.whiteout.named",
          Level.ADVICE,
          "A whiteout entry names the basename it deletes; a bare .wh. deletes nothing.",
          "layer.md#whiteouts");

  /** A whiteout does not name a non-directory its own layer creates. */
  static final RuleInfo LAYER_WHITEOUT_LOWER_ONLY =
      ImageRules.rule(
          "image.layer.whiteout.lower-only",
          Level.ADVICE,
          "A whiteout does not name a file its own layer creates: whiteouts hide only lower"
              + " layers' files, so that file stays (a directory recreated after a whiteout is"
              + " the explicit form of an opaque whiteout and is fine).",
          "layer.md#whiteouts");

  /** Relative names without {@code ..}. */
  static final RuleInfo LAYER_ENTRY_SAFE_NAME =
      ImageRules.rule(
          "image.layer.entry.safe-name",
          Level.ADVICE,
          "Layer entry names are relative and have no .. component; safe unpackers refuse them.",
          "layer.md#file-types");

  /** No sparse file entries. */
  static final RuleInfo LAYER_ENTRY_SPARSE =
      ImageRules.rule(
          "image.layer.entry.sparse",
          Level.SHOULD,
          "Layers hold no sparse file entries (GNU type S or PAX GNU.sparse records): they lack"
              + " consistent support across tar implementations, and ocikit reads no further.",
          "layer.md#file-attributes");

  /** Names and link targets are UTF-8. */
  static final RuleInfo LAYER_ENTRY_UTF8_NAME =
      ImageRules.rule(
          "image.layer.entry.utf8-name",
          Level.ADVICE,
          "Layer entry names and link targets are valid UTF-8; the spec allows other bytes, but"
              + " unpackers that decode names as UTF-8 rename or merge such files.",
          "layer.md#distributable-format");

  static final int MAX_PER_RULE = 5;

  /** Whiteout targets kept for the checks against lower layers; more are counted, not kept. */
  static final int MAX_WHITEOUTS = 1 << 16;

  static final String WHITEOUT = ".wh.";
  static final String WHITEOUT_META = ".wh..wh.";

  /** One problem: the rule and the entry name it concerns (null: the layer as a whole). */
  record Problem(RuleInfo rule, String unsafeName, String why) {}

  /**
   * What the checks against lower layers need from one layer.
   *
   * @param paths sorted path hashes from {@link PathSet#sortedKeys()}, null when the layer had more
   *     paths than are kept
   * @param whiteouts the paths whited out, as {@code (entry name, target path)}
   * @param whiteoutsDropped how many whiteouts were not kept beyond {@link #MAX_WHITEOUTS}
   */
  record Paths(long[] paths, List<Whiteout> whiteouts, int whiteoutsDropped) {}

  /** A whiteout entry and the path it deletes from lower layers. */
  record Whiteout(String unsafeName, String target) {}

  private final PathSet paths = new PathSet();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Whiteout> whiteouts = new ArrayList<>();
  private int whiteoutsDropped;
  private int duplicates;
  private int bare;
  private int unsafe;
  private int notUtf8;

  /** Looks at one entry as the reader returned it. */
  void entry(TarEntry e) {
    if (!e.isUtf8() && notUtf8++ < MAX_PER_RULE) {
      boolean name = !TarText.isUtf8(e.name());
      problems.add(
          new Problem(
              LAYER_ENTRY_UTF8_NAME,
              e.name(),
              (name ? "has a name" : "has a link target " + UntrustedText.quote(e.linkName()))
                  + " that is not valid UTF-8 (\\udcXX stands for the byte 0xXX): unpackers"
                  + " that decode names as UTF-8 rename or merge such files, and ocikit's"
                  + " unpack refuses them"));
    }
    path(e.name(), e.type() == TarEntry.Type.DIRECTORY);
  }

  /** A sparse entry: the reader refuses it from its header, so the rest of the layer is unread. */
  /** The tar stream stopped after its last complete entry, without the end-of-archive marker. */
  void endMarkerMissing() {
    problems.add(
        new Problem(
            LAYER_END_OF_ARCHIVE,
            null,
            "the tar stream ends after its last entry without the end-of-archive marker (two"
                + " zero blocks): every entry is complete, but the archive was never closed;"
                + " unpackers accept it"));
  }

  void sparse(SparseEntryException e) {
    problems.add(
        new Problem(
            LAYER_ENTRY_SPARSE,
            null,
            e.getMessage()
                + "; ocikit's unpack refuses it, and the entries after it were not"
                + " checked"));
  }

  /** Looks at one entry name as written in the tar header. */
  private void path(String unsafeName, boolean directory) {
    String path = normalize(unsafeName);
    if (unsafeName.startsWith("/") || hasDotDot(unsafeName)) {
      if (unsafe++ < MAX_PER_RULE) {
        problems.add(
            new Problem(
                LAYER_ENTRY_SAFE_NAME,
                unsafeName,
                unsafeName.startsWith("/") ? "is absolute" : "has a .. component"));
      }
    }
    int slash = path.lastIndexOf('/');
    String base = path.substring(slash + 1);
    if (base.equals(WHITEOUT) && bare++ < MAX_PER_RULE) {
      problems.add(
          new Problem(
              LAYER_WHITEOUT_BARE,
              unsafeName,
              "is a whiteout without the basename it should delete"));
    } else if (base.startsWith(WHITEOUT) && !base.startsWith(WHITEOUT_META)) {
      String target = path.substring(0, slash + 1) + base.substring(WHITEOUT.length());
      if (whiteouts.size() < MAX_WHITEOUTS) {
        whiteouts.add(new Whiteout(unsafeName, target));
      } else {
        whiteoutsDropped++;
      }
    }
    if (path.isEmpty()) {
      return;
    }
    PathSet.Added added = paths.addEntry(path, directory);
    if (added == PathSet.Added.DUPLICATE && duplicates++ < MAX_PER_RULE) {
      problems.add(
          new Problem(LAYER_ENTRY_UNIQUE, unsafeName, "appears more than once (as " + path + ")"));
    }
    for (int s = path.lastIndexOf('/'); s > 0; s = path.lastIndexOf('/', s - 1)) {
      if (!paths.addParent(path.substring(0, s))) {
        break; // known already, and so are its parents
      }
    }
  }

  /** The findings, once every entry was seen. */
  List<Problem> problems() {
    List<Problem> out = new ArrayList<>(problems);
    int same = 0;
    for (Whiteout w : whiteouts) {
      if (paths.hasNonDirectoryEntry(w.target()) && same++ < MAX_PER_RULE) {
        out.add(
            new Problem(
                LAYER_WHITEOUT_LOWER_ONLY,
                w.unsafeName(),
                "whites out "
                    + w.target()
                    + ", which this same layer also creates; a whiteout hides only lower"
                    + " layers' files, so this layer's "
                    + w.target()
                    + " stays"));
      }
    }
    if (paths.full()) {
      out.add(
          new Problem(
              advice(LAYER_ENTRY_UNIQUE),
              null,
              "not checked past "
                  + PathSet.MAX_PATHS
                  + " paths, the most kept in memory per layer; later duplicates and whiteouts"
                  + " are not checked"));
    }
    return out;
  }

  /** The layer's paths and whiteouts for the checks against the layers above and below it. */
  Paths paths() {
    return new Paths(paths.full() ? null : paths.sortedKeys(), whiteouts, whiteoutsDropped);
  }

  static RuleInfo advice(RuleInfo rule) {
    return new RuleInfo(rule.id(), Level.ADVICE, rule.summary(), rule.specUrl(), rule.platform());
  }

  /** The path an entry denotes: no leading / or ./, no trailing /, no . components. */
  static String normalize(String unsafeName) {
    StringBuilder out = new StringBuilder();
    for (String part : unsafeName.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    return out.toString();
  }

  private static boolean hasDotDot(String unsafeName) {
    for (String part : unsafeName.split("/")) {
      if (part.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
