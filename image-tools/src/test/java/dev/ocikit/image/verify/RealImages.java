package dev.ocikit.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.spec.image.Descriptor;
import dev.ocikit.spec.image.ImageIndex;
import dev.ocikit.spec.image.ImageManifest;
import dev.ocikit.spec.json.StrictJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds images with umoci and skopeo, and reads back which blob is which. */
final class RealImages {
  private RealImages() {}

  static boolean available(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static void sh(Path cwd, String script) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("sh", "-ec", script)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), () -> "script failed: " + script + "\n" + out);
  }

  /**
   * A two-layer umoci image {@code img:t} under {@code dir}, gzip layers, no stray blobs. Built
   * with unpack/repack: the {@code umoci insert} of umoci 0.4.7 (Debian) never closes its tar
   * writer, so its layers lack the end-of-archive marker, which the validator reports as {@code
   * image.layer.end-of-archive} (see EndOfArchiveTest).
   */
  static Path umociImage(Path dir) throws IOException, InterruptedException {
    sh(
        dir,
        String.join(
            "\n",
            "R=$([ \"$(id -u)\" = 0 ] || echo --rootless)",
            "umoci init --layout img && umoci new --image img:t",
            "umoci unpack $R --image img:t b",
            "mkdir -p b/rootfs/etc && echo hello > b/rootfs/etc/hello && echo hi > b/rootfs/etc/hi",
            "umoci repack --image img:t b && rm -rf b && umoci unpack $R --image img:t b",
            "mkdir -p b/rootfs/usr/bin && head -c 300000 /dev/urandom > b/rootfs/usr/bin/tool",
            "ln -s tool b/rootfs/usr/bin/link && rm b/rootfs/etc/hi",
            "umoci repack --image img:t b && umoci gc --layout img"));
    return dir.resolve("img");
  }

  /** The referenced blobs of a one-manifest layout: manifest, config, then the layers. */
  static List<Descriptor> referenced(Path layout) throws IOException {
    ImageIndex index =
        ImageIndex.fromJson(StrictJson.reader().read(layout.resolve("index.json")).root());
    Descriptor m = index.manifests().get(0);
    ImageManifest manifest =
        ImageManifest.fromJson(StrictJson.reader().read(blob(layout, m)).root());
    List<Descriptor> out = new ArrayList<>(List.of(m, manifest.config()));
    out.addAll(manifest.layers());
    return out;
  }

  static Path blob(Path layout, Descriptor d) {
    return layout.resolve("blobs").resolve(d.digest().replace(':', '/'));
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** Packs a layout directory as an OCI archive, as skopeo does, but accepting bad content. */
  static void pack(Path layout, Path archive) throws IOException {
    try (OutputStream out = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        Stream<Path> walk = Files.walk(layout)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        if (p.equals(layout)) {
          continue;
        }
        String name = layout.relativize(p).toString() + (Files.isDirectory(p) ? "/" : "");
        TarArchiveEntry e = new TarArchiveEntry(p.toFile(), name);
        tar.putArchiveEntry(e);
        if (Files.isRegularFile(p)) {
          Files.copy(p, tar);
        }
        tar.closeArchiveEntry();
      }
    }
  }
}
