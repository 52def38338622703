package dev.ocikit.conformance.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lifecycle behaviour {@code scripted-runtime.sh} gets wrong when its violation variable names
 * the test that checks it (the script's {@code broken} calls), with the text the failing verdict
 * must show.
 *
 * @param testId the registered test whose judge must fail
 * @param evidence what the broken behaviour leaves in the verdict's "actual", or null when that is
 *     a value of the run (a pid, a path) the table cannot know
 */
record LifecycleViolation(String testId, String evidence) {
  /** Every lifecycle violation the script implements, by test id. */
  static final Map<String, LifecycleViolation> ALL = table();

  private static Map<String, LifecycleViolation> table() {
    List<LifecycleViolation> v =
        List.of(
            // state says running while created
            new LifecycleViolation("lifecycle.create-status-created", "status running"),
            // create starts the process
            new LifecycleViolation(
                "lifecycle.create-does-not-run-process", "marker written before start"),
            // start runs the process but the state stays created
            new LifecycleViolation("lifecycle.start-status-running", "status created"),
            // the state never notices the process exited
            new LifecycleViolation("lifecycle.exit-status-stopped", "status running"),
            // a second start succeeds
            new LifecycleViolation("lifecycle.start-twice", "exited 0"),
            // start reads config.json again
            new LifecycleViolation("lifecycle.config-edits-ignored", "edited"),
            // the pid file holds another pid than state
            new LifecycleViolation("lifecycle.pid-file", null),
            // pid is a JSON string
            new LifecycleViolation("state.fields", "\"pid\":\""),
            // pid 0 while created
            new LifecycleViolation("state.pid-created-running", "pid 0"),
            // bundle is a relative path
            new LifecycleViolation("state.bundle-absolute", null),
            // annotations left out of the state
            new LifecycleViolation("state.annotations", null),
            // TERM is not delivered
            new LifecycleViolation("kill.term-running", "signals: "),
            // USR1 is delivered as KILL
            new LifecycleViolation("kill.usr1-running", "signals: "),
            // KILL of a running container does nothing
            new LifecycleViolation("kill.kill-running", "status running"),
            // KILL of a created container does nothing
            new LifecycleViolation("kill.kill-created", "status created"),
            // kill of a stopped container succeeds
            new LifecycleViolation("kill.stopped-fails", "exited 0"),
            // delete without --force kills a running container
            new LifecycleViolation("delete.running-without-force-fails", "exited 0"),
            // delete without --force kills a created container
            new LifecycleViolation("delete.created-without-force-fails", "exited 0"),
            // delete succeeds but the container stays
            new LifecycleViolation("delete.removes-container", "state still works"),
            // delete leaves the id taken
            new LifecycleViolation("delete.id-reusable", "exists"));
    Map<String, LifecycleViolation> m = new LinkedHashMap<>();
    v.forEach(x -> m.put(x.testId(), x));
    return m;
  }

  @Override
  public String toString() {
    return testId;
  }
}
