package dev.ocikit.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ocikit.image.ConversionException;
import dev.ocikit.image.UnpackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one failure → exit code mapping and its one line, pinned. */
class ErrorsTest {
  @Command(name = "probe")
  static final class Probe implements Runnable {
    @Override
    public void run() {}
  }

  @Command(name = "sub")
  static final class Sub implements Runnable {
    @Override
    public void run() {}
  }

  @Test
  void inputThatFailedIsOneEverythingElseTwo() {
    assertEquals(1, Errors.exitCode(new UnpackException("hostile layer")));
    assertEquals(1, Errors.exitCode(new ConversionException("bad config")));
    assertEquals(1, Errors.exitCode(new UncheckedIOException(new UnpackException("wrapped"))));
    assertEquals(2, Errors.exitCode(new NoSuchFileException("x")));
    assertEquals(2, Errors.exitCode(new IllegalArgumentException("usage")));
    assertEquals(2, Errors.exitCode(new IOException("No space left on device")));
    assertEquals(2, Errors.exitCode(new OutOfMemoryError()));
  }

  @Test
  void reportIsOneLineThatCannotDriveTheTerminal() {
    StringWriter err = new StringWriter();
    int code =
        Errors.report(
            "oci-tool unpack", new UnpackException("entry \u001b[2J\nx"), new PrintWriter(err));
    assertEquals(1, code);
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertFalse(err.toString().contains("\u001b"), err.toString());
    assertEquals("oci-tool unpack: entry \\u001b[2J\\u000ax\n", err.toString());
  }

  @Test
  void usageIsOneLineUnderTheFullName() {
    CommandLine top = new CommandLine(new Probe());
    top.addSubcommand(new Sub());
    StringWriter err = new StringWriter();
    CommandLine sub = top.getSubcommands().get("sub");
    sub.setErr(new PrintWriter(err));
    assertEquals(2, Errors.usage(sub.getCommandSpec(), "--x: bad \u0007"));
    assertEquals("probe sub: --x: bad \\u0007\n", err.toString());
  }
}
