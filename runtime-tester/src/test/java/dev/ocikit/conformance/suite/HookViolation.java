package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One hook (or delete, or start) behaviour {@code scripted-hooks.sh} gets wrong when its violation
 * variable names the test that checks it, with the text the failing verdict must show.
 *
 * @param testId the registered test whose judge must fail
 * @param group the tests judging the same run, which must all pass but {@code alsoFailing}
 * @param evidence what the broken behaviour leaves in the verdict's "actual"
 * @param alsoFailing tests of the group that judge the same property and must fail too
 */
record HookViolation(String testId, Group group, String evidence, Set<String> alsoFailing) {
  /** Which run a test judges; a violation's overlaps are looked for within its group. */
  enum Group {
    /** {@link HookRun}: one container with a logging hook in every phase, in its own namespaces. */
    HOOK_RUN,
    /**
     * A container of its own whose hook fails or times out (a createContainer or startContainer
     * hook among them needs namespaces, see {@link #needsNamespaces}).
     */
    FAILING_HOOK,
    /** {@link DeleteForeignTests}: a helper process holding namespaces the container joins. */
    DELETE_FOREIGN,
    /** A container of its own without a process. */
    NO_PROCESS
  }

  /** Every violation the script implements, by test id. */
  static final Map<String, HookViolation> ALL = table();

  /**
   * Whether the test's container has hooks that run in its namespaces, so the scripted runtime
   * makes namespaces for it ({@code unshare}).
   */
  boolean needsNamespaces() {
    return group == Group.HOOK_RUN
        || testId.equals("hooks.createContainer-failure-errors")
        || testId.equals("hooks.startContainer-failure-errors");
  }

  /** Why this host cannot drive the test through the scripted runtime, or null when it can. */
  String unavailable() {
    if (needsNamespaces() && !Probe.NAMESPACES) {
      return "this host lets the scripted runtime make no mount, uts and ipc namespaces";
    }
    if (group == Group.DELETE_FOREIGN && !Probe.HELPER_NAMESPACES) {
      return "the delete test's helper cannot make pid, network and ipc namespaces (needs root)";
    }
    return null;
  }

  /** Whether the group's tests judge one cached run, so judging them again costs nothing. */
  boolean sharesItsRun() {
    return group == Group.HOOK_RUN || group == Group.DELETE_FOREIGN;
  }

  private static Map<String, HookViolation> table() {
    List<HookViolation> v =
        List.of(
            // prestart, createRuntime, createContainer run at start instead of create
            run("hooks.prestart-runs-at-create", "log after create [createRuntime,", "hooks.order"),
            run(
                "hooks.createRuntime-runs-at-create",
                "log after create [prestart, createContainer]",
                "hooks.order",
                // run at start, they read the state of a created container
                "hooks.state-status-creating"),
            // (still right after createRuntime's, so the order holds)
            run(
                "hooks.createContainer-runs-at-create",
                "log after create [prestart, createRuntime, createRuntime2]"),
            // startContainer runs in create, right after createContainer
            run("hooks.startContainer-runs-at-start", "createContainer, startContainer], after"),
            // poststart runs at delete, not before start returns
            run("hooks.poststart-runs-at-start", "process], once stopped"),
            // poststop runs as soon as the killed process is gone, before delete
            run("hooks.poststop-runs-at-delete", "poststop], after delete"),
            // the two createRuntime hooks run last to first
            run("hooks.order", "createRuntime2, createRuntime,"),
            // the state on stdin has an empty id
            run("hooks.state-on-stdin", "\"id\":\"\""),
            // status is created before the create hooks run
            run("hooks.state-status-creating", "createRuntime saw created"),
            // hooks run without their env
            run("hooks.env", "''"),
            // runtime-namespace hooks entered into the container's namespaces
            run("hooks.prestart-in-runtime-namespaces", "runtime's"),
            run("hooks.createRuntime-in-runtime-namespaces", "runtime's"),
            run("hooks.poststart-in-runtime-namespaces", "runtime's"),
            // poststop enters namespaces kept open past the process
            run("hooks.poststop-in-runtime-namespaces", "runtime's"),
            // container-namespace hooks run where the runtime runs
            run("hooks.createContainer-in-container-namespaces", "container's"),
            run("hooks.startContainer-in-container-namespaces", "container's"),
            // a failing hook of the phase is ignored
            failing("hooks.prestart-failure-errors", "exited 0"),
            failing("hooks.createRuntime-failure-errors", "exited 0"),
            failing("hooks.createContainer-failure-errors", "exited 0"),
            failing("hooks.startContainer-failure-errors", "exited 0"),
            failing("hooks.poststart-failure-errors", "status running"),
            // the first failing poststop hook fails delete and ends the phase
            failing("hooks.poststop-failure-warns", "exited 1"),
            // hooks run without their timeout: the hook sleeps until the call is stopped
            failing("hooks.timeout-aborts", "timed out"),
            // delete kills the process holding a namespace the container joined
            new HookViolation(
                "delete.keeps-joined-namespaces", Group.DELETE_FOREIGN, "was killed", Set.of()),
            // delete removes bind mount sources
            new HookViolation(
                "delete.keeps-bind-source", Group.DELETE_FOREIGN, "file gone", Set.of()),
            // start of a config without process succeeds
            new HookViolation(
                "lifecycle.start-without-process", Group.NO_PROCESS, "start succeeded", Set.of()));
    Map<String, HookViolation> m = new LinkedHashMap<>();
    v.forEach(x -> m.put(x.testId(), x));
    return m;
  }

  private static HookViolation run(String id, String evidence, String... alsoFailing) {
    return new HookViolation(id, Group.HOOK_RUN, evidence, Set.of(alsoFailing));
  }

  private static HookViolation failing(String id, String evidence) {
    return new HookViolation(id, Group.FAILING_HOOK, evidence, Set.of());
  }

  @Override
  public String toString() {
    return testId;
  }

  /** What the host allows, tried once with the commands the script and the delete helper use. */
  private static final class Probe {
    static final boolean NAMESPACES =
        works(
            // as scripted-hooks.sh's container_unshare decides
            "root".equals(System.getProperty("user.name"))
                ? List.of("unshare", "--mount", "--uts", "--ipc", "true")
                : List.of(
                    "unshare", "--user", "--map-root-user", "--mount", "--uts", "--ipc", "true"));
    static final boolean HELPER_NAMESPACES =
        works(List.of("unshare", "--fork", "--pid", "--net", "--ipc", "true"));

    private static boolean works(List<String> command) {
      try {
        Process p =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
