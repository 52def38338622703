package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host processes a test starts besides the runtime (the {@code unshare … sleep} whose namespaces a
 * container joins). Two nets keep them from outliving the harness: each is started under {@code
 * setpriv --pdeathsig KILL} with {@code unshare --kill-child}, so even a SIGKILLed JVM takes them
 * down, and a shutdown hook kills what is still registered on an orderly exit.
 */
final class HelperProcesses {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(HelperProcesses::killAll, "ocikit-helpers"));
  }

  private HelperProcesses() {}

  /** Starts {@code command} (output to {@code log}) tied to this JVM's life; see the class doc. */
  static Process start(List<String> command, Path log) throws IOException {
    List<String> full = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
      full.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "KILL"));
    }
    full.addAll(command);
    Process p =
        new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LIVE.add(p);
    return p;
  }

  /** Kills {@code p} and its descendants and forgets it. */
  static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    LIVE.remove(p);
  }

  private static void killAll() {
    for (Process p : List.copyOf(LIVE)) {
      kill(p);
    }
  }
}
