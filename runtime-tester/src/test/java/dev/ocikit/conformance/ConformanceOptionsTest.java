package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The options record checks every value when made and copies on every {@code with…}. */
class ConformanceOptionsTest {
  private static final ConformanceOptions RUNC = ConformanceOptions.of(Path.of("/usr/sbin/runc"));

  private static void refused(String message, Supplier<ConformanceOptions> make) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
    assertEquals(message, e.getMessage());
  }

  @Test
  void defaults() {
    assertEquals(List.of(RuntimeCommand.of(Path.of("/usr/sbin/runc"))), RUNC.runtimes());
    assertNull(RUNC.ociVersion());
    assertNull(RUNC.only());
    assertEquals(1, RUNC.jobs());
    assertEquals(Duration.ofSeconds(30), RUNC.testTimeout());
    assertEquals(Duration.ofSeconds(10), RUNC.callTimeout());
    assertEquals(4L << 20, RUNC.callOutputLimit());
    assertEquals(false, RUNC.acceptUnusableRuntime());
    assertEquals(false, RUNC.acceptMostlySkipped());
  }

  @Test
  void withCopiesChangeOneValueAndLeaveTheOriginal() {
    ConformanceOptions two = RUNC.withJobs(2).withOnly("^hooks\\.").withOciVersion("1.0.2");
    assertEquals(2, two.jobs());
    assertEquals("^hooks\\.", two.only());
    assertEquals("1.0.2", two.ociVersion());
    assertEquals(1, RUNC.jobs());
    assertEquals(RUNC, RUNC.withJobs(2).withJobs(1));
    assertEquals(true, RUNC.withAcceptMostlySkipped(true).acceptMostlySkipped());
    assertEquals(true, RUNC.withAcceptUnusableRuntime(true).acceptUnusableRuntime());
    assertEquals(List.of(), RUNC.withHostAdaptations(List.of()).hostAdaptations());
  }

  @Test
  void badValuesAreRefusedWithOneLineNamingThem() {
    refused("runtimes: at least one runtime is needed", () -> RUNC.withRuntimes(List.of()));
    refused("jobs must be >= 1, got 0", () -> RUNC.withJobs(0));
    refused("only: invalid pattern: Unclosed group", () -> RUNC.withOnly("(unclosed"));
    refused(
        "ociVersion: '0.1' is not a runtime-spec version like 1.0.2",
        () -> RUNC.withOciVersion("0.1"));
    refused("testTimeout must be positive, got PT0S", () -> RUNC.withTestTimeout(Duration.ZERO));
    refused(
        "call timeout must be positive, got PT-1S",
        () -> RUNC.withCallTimeout(Duration.ofSeconds(-1)));
    refused(
        "call output limit must be 1 to 2147483631 bytes, got 0",
        () -> RUNC.withCallOutputLimit(0));
  }

  @Test
  void aCallNeverOutlastsItsTest() {
    ConformanceOptions o =
        RUNC.withTestTimeout(Duration.ofSeconds(2)).withCallTimeout(Duration.ofSeconds(10));
    assertEquals(Duration.ofSeconds(2), ConformanceRunner.callLimits(o).timeout());
    assertEquals(Duration.ofSeconds(10), ConformanceRunner.callLimits(RUNC).timeout());
  }
}
