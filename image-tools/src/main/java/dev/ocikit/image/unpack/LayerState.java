package dev.ocikit.image.unpack;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one layer has done so far: the root-relative paths it created (with their ancestors, the
 * "upper" paths that whiteouts must spare) and the times each touched directory must end with.
 */
final class LayerState {
  private final Set<String> upper = new HashSet<>();
  private final Map<String, FileTime[]> dirTimes = new LinkedHashMap<>();

  /** Records {@code rel} and all its ancestors as belonging to this layer. */
  void markUpper(String rel) {
    String p = rel;
    while (!p.isEmpty()) {
      if (!upper.add(p)) {
        return;
      }
      int slash = p.lastIndexOf('/');
      p = slash < 0 ? "" : p.substring(0, slash);
    }
  }

  boolean isUpper(String rel) {
    return upper.contains(rel);
  }

  /**
   * Before a directory's children change, remembers its current times (once per layer) so that
   * adding or removing a child does not leave a new mtime behind: only the layer's own entry for
   * that directory may change it.
   */
  void rememberDirTime(RootFs fs, Path host, String rel) throws IOException {
    if (!dirTimes.containsKey(rel) && fs.kind(host) == RootFs.Kind.DIRECTORY) {
      FileTime m = fs.mtime(host);
      dirTimes.put(rel, new FileTime[] {m, m});
    }
  }

  /**
   * A missing parent was made at {@code rel}: times remembered for a directory the layer removed
   * from there are not its own (it keeps those of its making).
   */
  void forgetDirTime(String rel) {
    dirTimes.remove(rel);
  }

  /** The layer's own directory entry sets the final times. */
  void setDirTime(String rel, FileTime mtime, FileTime atime) {
    dirTimes.put(rel, new FileTime[] {mtime, atime});
  }

  /** Root-relative directory path to {mtime, atime}, to apply once the layer is complete. */
  Map<String, FileTime[]> dirTimes() {
    return dirTimes;
  }

  static String child(String parentRel, String name) {
    return parentRel.isEmpty() ? name : parentRel + "/" + name;
  }
}
