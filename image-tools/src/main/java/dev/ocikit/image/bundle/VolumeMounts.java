package dev.ocikit.image.bundle;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.image.ConversionException;
import dev.ocikit.spec.UntrustedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Config.Volumes} as {@code tmpfs} mounts: the application's data then never lands in the
 * root filesystem (conversion.md's SHOULD), nothing outside the bundle is created, and the mount
 * lives exactly as long as the container. The mount takes the mode, owner and group of the image's
 * directory at that path when there is one (0755 root otherwise), so a non-root user the image
 * prepared the directory for can still write; its content is not seeded from the image.
 */
final class VolumeMounts {
  private VolumeMounts() {}

  static void add(ConfigGenerator g, Map<String, ?> volumes, Path rootfs, boolean idMapped)
      throws IOException {
    if (volumes == null) {
      return;
    }
    RootfsFiles files = new RootfsFiles(rootfs);
    for (String dest : volumes.keySet()) {
      if (!dest.startsWith("/")) {
        throw new ConversionException("Config.Volumes key '" + dest + "' is not an absolute path");
      }
      if (dest.indexOf('\0') >= 0) {
        // No path holds a NUL: no runtime could mount it, and the JDK refuses to look it up.
        throw new ConversionException(
            "Config.Volumes key " + UntrustedText.quote(dest) + " contains a NUL character");
      }
      List<String> options = new ArrayList<>(List.of("nosuid", "nodev"));
      Optional<Path> dir = files.resolve(dest);
      int mode = 0755;
      if (dir.isPresent() && Files.isDirectory(dir.get(), LinkOption.NOFOLLOW_LINKS)) {
        Map<String, Object> a =
            Files.readAttributes(dir.get(), "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        mode = ((Integer) a.get("mode")) & 07777;
        if (!idMapped) {
          options.add("uid=" + a.get("uid"));
          options.add("gid=" + a.get("gid"));
        }
      }
      options.add(String.format("mode=%04o", mode));
      g.mounts().add(dest, "tmpfs", "tmpfs", options.toArray(String[]::new));
    }
  }
}
