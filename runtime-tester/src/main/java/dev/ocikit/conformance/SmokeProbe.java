package dev.ocikit.conformance;

import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.conformance.driver.RuntimeDriver;
import dev.ocikit.conformance.suite.Container;
import dev.ocikit.conformance.suite.Context;
import dev.ocikit.conformance.suite.ObservationCache;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Can this runtime run a trivial container on this host at all? If not, tests whose preconditions
 * fail are reported as skipped with this reason instead of as dozens of failures.
 */
final class SmokeProbe {
  private SmokeProbe() {}

  /** Returns null when the runtime works, otherwise why it does not. */
  static String run(RuntimeDriver driver, Path dir, String id) {
    Context ctx = new Context(driver, "smoke", dir, id, new ObservationCache());
    try {
      Container c = ctx.container();
      c.bundle().config().args("/bin/true");
      CallResult create = c.create();
      if (!create.ok()) {
        return create.describe();
      }
      CallResult start = c.start();
      if (!start.ok()) {
        return start.describe();
      }
      String status = c.awaitStatus("stopped");
      return "stopped".equals(status) ? null : "trivial container ended in status " + status;
    } catch (IOException e) {
      return "cannot build a bundle: " + e.getMessage();
    } finally {
      ctx.cleanup();
    }
  }
}
