package dev.ocikit.conformance.leak;

import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.conformance.driver.RuntimeDriver;
import dev.ocikit.conformance.suite.RuntimeOutput;
import dev.ocikit.conformance.suite.Unmet;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Containers of the run the runtime still knows after it, force-deleted. They are looked up with
 * {@code list}; when that fails or prints something the harness cannot parse, every container id
 * the run passed to the runtime is asked for with {@code state} instead, so a broken {@code list}
 * degrades the check but does not end it.
 */
public final class ContainerSweep {
  /**
   * @param leftovers one line per container that was still there
   * @param lookupProblem why {@code list} could not be used, or null
   */
  public record Result(List<String> leftovers, String lookupProblem) {}

  private ContainerSweep() {}

  public static Result run(RuntimeDriver driver) {
    List<String> ids = new ArrayList<>();
    String problem = null;
    try {
      for (JsonNode c : RuntimeOutput.json(driver.list())) {
        String id = c.path("id").asString("");
        if (driver.mark().isContainerId(id)) {
          ids.add(id);
        }
      }
    } catch (Unmet e) {
      ids = existing(driver);
      problem =
          e.getMessage()
              + "; looked for the run's "
              + driver.containerIds().size()
              + " container ids with `state` instead";
    }
    List<String> leftovers = new ArrayList<>();
    for (String id : ids) {
      CallResult delete = driver.delete(id, true);
      boolean gone = driver.state(id).refused();
      leftovers.add(
          "container "
              + id
              + " still existed after the run; "
              + (gone ? "removed with delete --force" : "not removed: " + delete.describe()));
    }
    return new Result(leftovers, problem);
  }

  /** The run's ids {@code state} still answers for; stops at the first call it had to stop. */
  private static List<String> existing(RuntimeDriver driver) {
    List<String> found = new ArrayList<>();
    for (String id : new TreeSet<>(driver.containerIds())) {
      CallResult s = driver.state(id);
      if (s.wasStopped()) {
        break; // a hanging state would cost a timeout per id
      }
      if (s.ok()) {
        found.add(id);
      }
    }
    return found;
  }
}
