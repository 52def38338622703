package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of file takes xattrs of any namespace, without a process. */
class XattrTest {
  @TempDir Path root;

  private UnpackResult apply(TarBuilder... layers) throws IOException {
    return LayerApplier.apply(
        Stream.of(layers).map(TarBuilder::layer).toList(), root, UnpackOptions.defaults());
  }

  private Map<String, String> xattrs(String rel) throws IOException {
    return NativeStat.xattrs(root.resolve(rel));
  }

  @Test
  void userXattrsAreSetOnAFileWithoutWarnings() throws IOException {
    UnpackResult r = apply(tar().file("f", "").xattr("user.note", "hello"));
    assertEquals(Map.of("user.note", "hello"), xattrs("f"));
    assertEquals(List.of(), r.warnings());
  }

  @Test
  void trustedXattrsOnEveryKindOfFileWithoutAProcess() throws IOException {
    assumeTrue(EntryFidelityTest.isRoot(), "needs root: trusted.* xattrs and device nodes");
    long processes = Commands.started();
    UnpackResult r =
        apply(
            tar()
                .dir("d", 0755)
                .xattr("trusted.k", "dir")
                .file("d/f", "x")
                .xattr("trusted.k", "file")
                .symlink("d/l", "f")
                .xattr("trusted.k", "link")
                .node("d/p", TarConstants.LF_FIFO, 0, 0, 0644)
                .xattr("trusted.k", "fifo")
                .node("d/c", TarConstants.LF_CHR, 1, 3, 0666)
                .xattr("trusted.k", "char"));
    assertEquals(List.of(), r.warnings());
    assertEquals(Map.of("trusted.k", "dir"), xattrs("d"));
    assertEquals(Map.of("trusted.k", "file"), xattrs("d/f"));
    assertEquals(Map.of("trusted.k", "link"), xattrs("d/l"));
    assertEquals(Map.of("trusted.k", "fifo"), xattrs("d/p"));
    assertEquals(Map.of("trusted.k", "char"), xattrs("d/c"));
    assertEquals(processes, Commands.started(), "no process was started");
  }
}
