package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.cli.ToolProcess.Result;
import dev.ocikit.spec.testing.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory is bounded by the limits, not by the input: the launchers, in a JVM with a small heap,
 * meet multi-gigabyte documents (sparse files) with a finding or one line, and a heap too small for
 * an input within the limits is one line and exit 2, never a stack trace.
 */
class HeapLimitsTest {
  private static final String OUT_OF_MEMORY =
      ": out of memory (the Java heap is too small for this input; raise it with -Xmx)\n";

  @TempDir Path tmp;

  @Test
  void gigabyteDocumentsAreRefusedWithinA128MegabyteHeap() throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve("bundle"));
    Files.createDirectories(bundle.resolve("rootfs"));
    SpecialFiles.sparse(bundle, "config.json", 3L << 30);
    Path document = SpecialFiles.sparse(tmp, "manifest.json", 3L << 30);
    ToolProcess small = new ToolProcess(tmp).jvm("-Xmx128m");

    Result b = small.run("OciValidate", bundle.toString());
    assertEquals(1, b.exit(), b.err());
    assertEquals("", b.err());
    assertTrue(b.out().contains("json.limit") && b.out().contains("67108864"), b.out());

    Result d = small.run("OciValidate", "--type", "image-manifest", document.toString());
    assertEquals(1, d.exit(), d.err());
    assertEquals("", d.err());

    Result g = small.run("OciTool", "generate", "--template", document.toString());
    assertEquals(
        new Result(
            2,
            "",
            "oci-tool generate: "
                + document
                + ": document is larger than the limit of 67108864 bytes\n"),
        g);
  }

  @Test
  void aHeapTooSmallForTheInputIsOneLineAndExitTwo() throws Exception {
    // 60 MiB is within the document limit, but not within a 32 MiB heap.
    Path document = SpecialFiles.sparse(tmp, "config.json", 60L << 20);
    ToolProcess tiny = new ToolProcess(tmp).jvm("-Xmx32m");
    assertEquals(
        new Result(2, "", "oci-validate" + OUT_OF_MEMORY),
        tiny.run("OciValidate", document.toString()));
    assertEquals(
        new Result(2, "", "oci-validate" + OUT_OF_MEMORY),
        tiny.run("OciValidate", "--type", "runtime-config", document.toString()));
    assertEquals(
        new Result(2, "", "oci-tool" + OUT_OF_MEMORY),
        tiny.run("OciTool", "generate", "--template", document.toString()));
  }
}
