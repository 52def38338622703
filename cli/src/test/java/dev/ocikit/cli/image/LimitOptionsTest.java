package dev.ocikit.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.cli.Cli;
import dev.ocikit.cli.OciValidate;
import dev.ocikit.image.TarLimits;
import dev.ocikit.spec.testing.Checkout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The tar limits have the same options on {@code oci-validate}, {@code unpack} and {@code bundle};
 * a limit reached is one line naming the limit, its value, the layer and the entry.
 */
class LimitOptionsTest {
  private static final Path SAMPLE = Checkout.testdata().resolve("images/sample");

  @TempDir Path tmp;

  private static ImageCommandsTest.Run validate(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Cli.commandLine(new OciValidate());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return new ImageCommandsTest.Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void everyLimitHasOneOptionOnEveryCommand() {
    List<String> options =
        List.of("--max-total-bytes", "--max-entries", "--max-path-length", "--max-pax-header-size");
    for (String help :
        List.of(
            validate("--help").out(),
            ImageCommandsTest.run("unpack", "--help").out(),
            ImageCommandsTest.run("bundle", "--help").out())) {
      for (String o : options) {
        assertTrue(help.contains(o), () -> o + " missing from:\n" + help);
      }
    }
  }

  @Test
  void sizesTakeSuffixesAndOmittedOnesKeepTheDefaults() {
    LimitOptions o = new LimitOptions();
    assertEquals(TarLimits.DEFAULTS, o.limits());
    CommandLine cl = new CommandLine(new ImageOptionsHolder());
    cl.parseArgs("--max-total-bytes", "2G", "--max-pax-header-size", "64KiB", "--max-entries", "9");
    TarLimits l = ((ImageOptionsHolder) cl.getCommand()).limits.limits();
    assertEquals(new TarLimits(2L << 30, 9, 4096, 64 << 10), l);
  }

  @picocli.CommandLine.Command(name = "holder")
  static final class ImageOptionsHolder {
    @picocli.CommandLine.Mixin LimitOptions limits;
  }

  @Test
  void validationThatReachesALimitIsUnreadableInputWithOneLine() {
    ImageCommandsTest.Run r = validate("--color=never", "--max-entries", "1", SAMPLE.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("oci-validate: " + SAMPLE + ": manifest sha256:"), r.err());
    assertTrue(r.err().contains(" layers["), r.err());
    assertTrue(r.err().contains(" entry \""), r.err());
    assertTrue(r.err().contains(": limit maxEntries=1 exceeded"), r.err());
    assertFalse(r.out().contains("VALID"), "no verdict for an image not fully checked: " + r.out());
  }

  @Test
  void unpackThatReachesALimitFailsWithOneLineAndLeavesNothing() {
    Path dest = tmp.resolve("out");
    ImageCommandsTest.Run r =
        ImageCommandsTest.run(
            "unpack", "--max-total-bytes", "1K", SAMPLE.toString(), dest.toString());
    assertEquals(1, r.exit(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("oci-tool unpack: layer 0 (sha256:"), r.err());
    assertTrue(r.err().contains("limit maxTotalBytes=1024 exceeded"), r.err());
    assertFalse(Files.exists(dest.resolve("rootfs")));
  }

  @Test
  void aValueThatIsNoSizeIsAUsageError() {
    for (String[] args :
        List.of(
            new String[] {"--max-total-bytes", "12Q", SAMPLE.toString()},
            new String[] {"--max-entries", "0", SAMPLE.toString()},
            new String[] {"--max-path-length", "3G", SAMPLE.toString()})) {
      ImageCommandsTest.Run r = validate(args);
      assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.err().contains(args[0]), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }
}
