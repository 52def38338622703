package dev.ocikit.image.unpack;

import dev.ocikit.image.UnpackException;
import dev.ocikit.spec.UntrustedText;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

/**
 * Sets the times of the directories a layer touched, once the layer is complete (creating and
 * removing children changed them meanwhile). A directory is found again by the symlink-free path it
 * had when it was touched, walked without following anything: when a later entry of the layer
 * replaced it or one of its ancestors (by a file, or by a symlink, perhaps one forming a loop), the
 * directory is gone and so are its times, as with umoci, which restores a directory's times right
 * after each entry inside it.
 */
final class DirectoryTimes {
  private DirectoryTimes() {}

  static void apply(
      RootFs fs, RootResolver resolver, Map<String, FileTime[]> times, String layerLabel)
      throws IOException {
    for (Map.Entry<String, FileTime[]> d : times.entrySet()) {
      String rel = d.getKey();
      try {
        Path dir = stillThere(fs, resolver, rel);
        if (dir != null) {
          fs.setTimes(dir, d.getValue()[0], d.getValue()[1], RootFs.Kind.DIRECTORY);
        }
      } catch (IOException | RuntimeException e) {
        String where = layerLabel + " directory " + UntrustedText.quote(rel.isEmpty() ? "." : rel);
        throw new UnpackException(where + ": cannot set its times: " + e.getMessage(), e);
      }
    }
  }

  /** The host path of {@code rel} if every component still is a real directory, else null. */
  private static Path stillThere(RootFs fs, RootResolver resolver, String rel) throws IOException {
    List<String> comps = rel.isEmpty() ? List.of() : List.of(rel.split("/"));
    for (int i = 1; i <= comps.size(); i++) {
      if (fs.kind(resolver.hostPath(comps.subList(0, i))) != RootFs.Kind.DIRECTORY) {
        return null;
      }
    }
    return resolver.hostPath(comps);
  }
}
