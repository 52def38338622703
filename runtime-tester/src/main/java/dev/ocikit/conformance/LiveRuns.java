package dev.ocikit.conformance;

import dev.ocikit.conformance.driver.RuntimeDriver;
import dev.ocikit.conformance.suite.Context;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs in progress, so that a JVM shutdown (Ctrl-C, a killed build) still force-deletes their
 * containers and removes their scratch directories. The normal path cleans up per test; this is the
 * safety net.
 */
final class LiveRuns {
  private record Live(String prefix, List<Path> runtimes) {}

  private static final Map<Path, Live> LIVE = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(LiveRuns::cleanAll, "ocikit-ct-cleanup"));
  }

  private LiveRuns() {}

  static void register(String prefix, Path scratch, List<Path> runtimes) {
    LIVE.put(scratch, new Live(prefix, List.copyOf(runtimes)));
  }

  static void unregister(Path scratch) {
    LIVE.remove(scratch);
  }

  private static void cleanAll() {
    LIVE.forEach(
        (scratch, live) -> {
          for (Path runtime : live.runtimes()) {
            RuntimeDriver d = new RuntimeDriver(runtime, Duration.ofSeconds(5), scratch);
            try {
              LeakCheck.check(d, runtime.getFileName().toString(), live.prefix());
            } catch (RuntimeException ignored) {
              // Best effort while the JVM is going down.
            }
          }
          Context.removeTree(scratch);
        });
  }
}
