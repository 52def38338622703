package dev.ocikit.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The layer seeds: the hostile cases of the unpack tests (names and links that climb out of the
 * root or through symlinks to it, to the fixed sentinel too; whiteouts; devices; xattrs; big ids),
 * in plain tar, plus gzip and zstd variants and the sample image's real gzip layers.
 */
final class LayerSeeds {
  private LayerSeeds() {}

  static void write(Path dir, List<byte[]> sampleLayers) throws IOException {
    String s = Outside.fixed().toString();
    List<SeedTar> cases =
        List.of(
            new SeedTar().dir("etc/", 0755).file("etc/passwd", "root:x:0:0::/root:/bin/sh\n"),
            new SeedTar().file("../sentinel/evil", "x").dir("a/../../x", 0755),
            new SeedTar().file(s + "/evil", "x").file("/" + s + "/passwd", "overwritten"),
            new SeedTar().symlink("link", s).file("link/evil", "x"),
            new SeedTar().symlink("link", "../../../../../../sentinel").file("link/evil", "x"),
            new SeedTar().symlink("a", "b").symlink("b", "a").file("a/x", "x"),
            new SeedTar().symlink("f", s + "/passwd").file("f", "overwritten"),
            new SeedTar().dir("d", 0755).symlink("d", s).file("d/x", "x"),
            new SeedTar().hardlink("h", "../sentinel/passwd").hardlink("h2", s + "/passwd"),
            new SeedTar().symlink("sl", s + "/passwd").hardlink("h", "sl").hardlink("r", "./"),
            new SeedTar().symlink("l", s).file("l/.wh.passwd", "").file("l/.wh..wh..opq", ""),
            new SeedTar().file(".wh..", "").file("x/.wh...", "").file(".wh.l", ""),
            new SeedTar().symlink(".", s).symlink("a/..", s).file(".", "x"),
            new SeedTar().file("f", "x").file("f/g", "y"),
            new SeedTar().file("../\u001b]0;owned\u0007", "x").file("a".repeat(300), "long"),
            new SeedTar()
                .node("fifo", TarConstants.LF_FIFO)
                .node("null", TarConstants.LF_CHR)
                .node("blk", TarConstants.LF_BLK),
            new SeedTar().xattr("x", "user.comment", "v").xattr("c", "security.capability", "\1"),
            new SeedTar().owned("suid", 0, 0, 04755).owned("big", 1L << 33, 70000, 01777));
    for (int i = 0; i < cases.size(); i++) {
      Files.write(dir.resolve("seed-hostile-" + i + ".tar"), cases.get(i).plain());
    }
    Files.write(dir.resolve("seed-passwd.tar.gz"), cases.get(0).gzip());
    Files.write(dir.resolve("seed-symlink.tar.zst"), cases.get(3).zstd());
    for (int i = 0; i < sampleLayers.size(); i++) {
      Files.write(dir.resolve("seed-sample-layer-" + i + ".tgz"), sampleLayers.get(i));
    }
  }
}
