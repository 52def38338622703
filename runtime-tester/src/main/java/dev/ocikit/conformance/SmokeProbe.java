package dev.ocikit.conformance;

import dev.ocikit.conformance.bundle.NotApplicable;
import dev.ocikit.conformance.bundle.Rootless;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.conformance.driver.RuntimeDriver;
import dev.ocikit.conformance.suite.Container;
import dev.ocikit.conformance.suite.Context;
import dev.ocikit.conformance.suite.ObservationCache;
import dev.ocikit.conformance.suite.RuntimeOutput;
import dev.ocikit.conformance.suite.Unmet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Can this runtime run a trivial container on this host at all? If not, the run fails (unless the
 * user accepts an unusable runtime), and tests whose preconditions fail are reported as skipped
 * with this reason instead of as dozens of failures.
 */
final class SmokeProbe {
  /** How long a started {@code /bin/true} may take to be reported stopped. */
  private static final Duration SETTLE = Duration.ofSeconds(5);

  /**
   * Why the runtime could not run a trivial container.
   *
   * @param reason one line naming the call and what it did
   * @param stopped whether the harness had to stop a call (timeout, output limit); every test would
   *     then wait for the same, so none is run
   */
  record Failure(String reason, boolean stopped) {}

  private SmokeProbe() {}

  /** Empty when the runtime works, otherwise why it does not. */
  static Optional<Failure> run(
      RuntimeDriver driver, Path dir, String id, String ociVersion, Rootless rootless) {
    Context ctx =
        new Context(driver, "smoke", dir, id, new ObservationCache(), ociVersion, rootless);
    try {
      Container c = ctx.container();
      c.bundle().config().args("/bin/true");
      CallResult create = c.create();
      if (!create.ok()) {
        return failed(create);
      }
      CallResult start = c.start();
      if (!start.ok()) {
        return failed(start);
      }
      return awaitStopped(driver, c.id());
    } catch (IOException | NotApplicable e) {
      return Optional.of(new Failure("cannot build a bundle: " + e.getMessage(), false));
    } finally {
      ctx.cleanup();
    }
  }

  /** Polls {@code state} until stopped; the first call that fails or prints no JSON ends it. */
  private static Optional<Failure> awaitStopped(RuntimeDriver driver, String id) {
    Failure[] failure = {null};
    String[] status = {""};
    boolean ended =
        Context.await(
            () -> {
              CallResult state = driver.state(id);
              try {
                status[0] = RuntimeOutput.json(state).path("status").asString("<no status>");
                return "stopped".equals(status[0]);
              } catch (Unmet e) {
                failure[0] = new Failure(e.getMessage(), state.wasStopped());
                return true;
              }
            },
            SETTLE);
    if (failure[0] != null) {
      return Optional.of(failure[0]);
    }
    return ended
        ? Optional.empty()
        : Optional.of(
            new Failure(
                "a started /bin/true was still in status " + status[0] + " after 5 s", false));
  }

  private static Optional<Failure> failed(CallResult r) {
    return Optional.of(new Failure(r.describe(), r.wasStopped()));
  }
}
