package dev.ocikit.cli.conformance;

import dev.ocikit.conformance.ConformanceOptions;
import dev.ocikit.conformance.RunProblem;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How far the harness trusts the runtime under test: the bounds of every runtime call, and which
 * run-level problems the user accepts instead of failing the run.
 */
final class TrustOptions {
  @Option(
      names = "--call-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Longest one runtime invocation may take; then its process tree is killed and the call"
              + " fails (default: ${DEFAULT-VALUE}).")
  long callTimeoutSeconds;

  @Option(
      names = "--call-output-limit",
      paramLabel = "BYTES",
      defaultValue = "4194304",
      description =
          "Most bytes one runtime invocation may write to stdout, and again to stderr; more stops"
              + " the call and fails it (default: ${DEFAULT-VALUE}).")
  long callOutputLimit;

  @Option(
      names = "--allow-unusable-runtime",
      description =
          "Do not fail the run when a runtime cannot run a trivial container here (the smoke"
              + " probe); it is still reported.")
  boolean allowUnusableRuntime;

  @Option(
      names = "--allow-mostly-skipped",
      description =
          "Do not fail the run when more than half of a runtime's selected tests were skipped;"
              + " it is still reported.")
  boolean allowMostlySkipped;

  Duration callTimeout() {
    return Duration.ofSeconds(callTimeoutSeconds);
  }

  /**
   * {@return {@code options} with these settings}
   *
   * @throws IllegalArgumentException with a one-line message when a limit is out of range
   */
  ConformanceOptions apply(ConformanceOptions options) {
    return options
        .withCallTimeout(callTimeout())
        .withCallOutputLimit(callOutputLimit)
        .withAcceptUnusableRuntime(allowUnusableRuntime)
        .withAcceptMostlySkipped(allowMostlySkipped);
  }

  /** The option that accepts a problem of {@code check}, or null when none can. */
  static String accepting(RunProblem.Check check) {
    return switch (check) {
      case SMOKE_PROBE -> "--allow-unusable-runtime";
      case MOSTLY_SKIPPED -> "--allow-mostly-skipped";
      default -> null;
    };
  }
}
