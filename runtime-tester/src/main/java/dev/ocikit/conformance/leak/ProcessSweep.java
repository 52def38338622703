package dev.ocikit.conformance.leak;

import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.conformance.driver.HostProcesses;
import dev.ocikit.conformance.driver.RunMark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Processes of the run still alive after it, killed. A process belongs to the run when its
 * environment, command line or cgroup carries the run's mark (a child of a runtime call, a {@code
 * runc init} whose state dir or a {@code crun} whose argument is a container id of the run, any
 * process in one of the run's cgroups), or when one of its ancestors does. Only such processes are
 * touched: the mark holds a random run id, so nothing else on the host matches.
 */
public final class ProcessSweep {
  private ProcessSweep() {}

  public static List<String> run(RunMark mark) {
    List<HostProcesses.Entry> all = HostProcesses.matching(e -> true);
    Map<Long, String> why = new HashMap<>();
    for (HostProcesses.Entry e : all) {
      String reason = reason(e, mark);
      if (reason != null) {
        why.put(e.pid(), reason);
      }
    }
    for (HostProcesses.Entry e : all) {
      if (!why.containsKey(e.pid())) {
        markedAncestor(e.handle(), why)
            .ifPresent(a -> why.put(e.pid(), "a descendant of process " + a + " of the run"));
      }
    }
    List<String> leftovers = new ArrayList<>();
    for (HostProcesses.Entry e : all) {
      String reason = why.get(e.pid());
      if (reason == null) {
        continue;
      }
      HostProcesses.kill(e.handle());
      leftovers.add(
          "process "
              + e.pid()
              + " ("
              + CallResult.excerpt(e.commandLine())
              + ") still running, "
              + reason
              + "; "
              + (HostProcesses.isAlive(e.handle()) ? "could not be killed" : "killed"));
    }
    return leftovers;
  }

  private static String reason(HostProcesses.Entry e, RunMark mark) {
    if (mark.foundIn(e.environ())) {
      return "its environment names the run";
    }
    if (mark.foundIn(e.commandLine())) {
      return "its command line names the run";
    }
    if (mark.foundIn(e.cgroup())) {
      return "it is in a cgroup of the run";
    }
    return null;
  }

  private static Optional<Long> markedAncestor(ProcessHandle p, Map<Long, String> marked) {
    for (Optional<ProcessHandle> a = p.parent(); a.isPresent(); a = a.get().parent()) {
      if (marked.containsKey(a.get().pid())) {
        return Optional.of(a.get().pid());
      }
    }
    return Optional.empty();
  }
}
