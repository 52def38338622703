package dev.ocikit.conformance;

import dev.ocikit.conformance.driver.CallLimits;
import dev.ocikit.conformance.driver.RunMark;
import dev.ocikit.conformance.driver.RuntimeDriver;
import dev.ocikit.conformance.suite.Context;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs in progress, so that a JVM shutdown (Ctrl-C, a killed build) still force-deletes their
 * containers, kills their processes and removes their cgroups and scratch directories. The normal
 * path cleans up per test and checks for leaks per runtime; this is the safety net.
 */
final class LiveRuns {
  private record Live(String prefix, List<RuntimeCommand> runtimes, CallLimits limits) {}

  private static final Map<Path, Live> LIVE = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(LiveRuns::cleanAll, "ocikit-ct-cleanup"));
  }

  private LiveRuns() {}

  static void register(
      String prefix, Path scratch, List<RuntimeCommand> runtimes, CallLimits limits) {
    LIVE.put(scratch, new Live(prefix, List.copyOf(runtimes), limits));
  }

  static void unregister(Path scratch) {
    LIVE.remove(scratch);
  }

  private static void cleanAll() {
    LIVE.forEach(
        (scratch, live) -> {
          for (RuntimeCommand runtime : live.runtimes()) {
            RuntimeDriver d =
                new RuntimeDriver(
                    runtime.executable(),
                    runtime.args(),
                    live.limits(),
                    scratch,
                    new RunMark(live.prefix()));
            try {
              LeakCheck.check(d, runtime.name());
            } catch (RuntimeException ignored) {
              // Best effort while the JVM is going down.
            }
          }
          Context.removeTree(scratch);
        });
  }
}
