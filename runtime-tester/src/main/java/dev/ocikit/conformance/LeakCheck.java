package dev.ocikit.conformance;

import dev.ocikit.conformance.driver.RuntimeDriver;
import dev.ocikit.conformance.leak.CgroupSweep;
import dev.ocikit.conformance.leak.ContainerSweep;
import dev.ocikit.conformance.leak.ProcessSweep;
import java.util.ArrayList;
import java.util.List;

/**
 * After a run against one runtime: containers the runtime still knows, processes and cgroups
 * carrying the run's mark. Each is reported and removed where that is safe, in that order: the
 * runtime's own {@code delete --force} first, then what it left running, then the emptied cgroups.
 */
final class LeakCheck {
  private LeakCheck() {}

  static List<RunProblem> check(RuntimeDriver driver, String runtime) {
    List<RunProblem> found = new ArrayList<>();
    ContainerSweep.Result containers = ContainerSweep.run(driver);
    if (containers.lookupProblem() != null) {
      found.add(
          new RunProblem(runtime, RunProblem.Check.LEAK_CHECK, containers.lookupProblem(), false));
    }
    List<String> leftovers = new ArrayList<>(containers.leftovers());
    leftovers.addAll(ProcessSweep.run(driver.mark()));
    leftovers.addAll(CgroupSweep.run(driver.mark()));
    for (String leftover : leftovers) {
      found.add(new RunProblem(runtime, RunProblem.Check.LEAK, leftover, false));
    }
    return found;
  }
}
