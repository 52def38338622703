package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.generate.SeccompSettings;
import dev.ocikit.spec.runtime.SeccompAction;
import java.io.FileDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * config-linux.md "Seccomp" with {@code SCMP_ACT_NOTIFY}: the runtime connects to {@code
 * listenerPath} and sends the container process state ("The Container Process State") with the
 * seccomp notify fd as SCM_RIGHTS. The harness listens with {@link ScmRightsListener}, judges the
 * message after {@code create} returns (or after {@code start}, when nothing came by then), and
 * proves the fd is the filter's listener by the kernel's name for it ({@code anon_inode:seccomp
 * notify} in {@code /proc/self/fd}). The process never calls the notified {@code mkdir}; were it
 * to, closing the harness's copy of the fd at the end makes the call fail with ENOSYS rather than
 * block.
 */
final class SeccompNotifyTests {
  private static final String DOC = "config-linux.md";
  private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]*)?");

  /** How long the runtime has to connect and send; the read then waits READ for EOF. */
  private static final long WAIT_MS = 5_000;

  private static final Duration READ = Duration.ofSeconds(2);

  private SeccompNotifyTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
                "seccomp.notify.listener",
                DOC,
                "the-container-process-state",
                Level.MUST,
                "with an SCMP_ACT_NOTIFY rule the runtime sends the seccomp notify fd (SCM_RIGHTS)"
                    + " and one process state (ociVersion, fds [seccompFd], pid, metadata, state"
                    + " with the id and the status of that moment) to listenerPath, then closes",
                SeccompNotifyTests::listener)
            .since("1.1.0"),
        of(
                "seccomp.notify.listener-missing",
                DOC,
                "seccomp",
                Level.MUST,
                "create fails when listenerPath names no listening socket",
                SeccompNotifyTests::missing)
            .since("1.1.0"));
  }

  private static SeccompSettings notifyOnMkdir(Container c, String listenerPath) {
    // A sleeper, so that the state still has the process's pid when a runtime sends at start.
    c.bundle().config().shell(Scripts.SLEEPER);
    return c.bundle()
        .config()
        .generator()
        .seccomp()
        .defaultAction(SeccompAction.SCMP_ACT_ALLOW)
        .architectures(SeccompSettings.nativeArchitectures("x86_64"))
        .rule(SeccompAction.SCMP_ACT_NOTIFY, "mkdir", "mkdirat")
        .listenerPath(listenerPath);
  }

  private static Verdict listener(Context ctx) throws Exception {
    Container c = ctx.container();
    String metadata = "ocikit-agent;" + c.id();
    try (ScmRightsListener listener =
        new ScmRightsListener(c.bundle().dir().resolve("notify.sock"), READ)) {
      notifyOnMkdir(c, listener.path().toString()).listenerMetadata(metadata);
      CallResult r = c.create();
      if (!r.ok()) {
        ctx.requireBaseline();
        return Verdict.fail(
            "create with an SCMP_ACT_NOTIFY rule and a listener succeeds", r.describe());
      }
      // The spec does not say when the runtime sends: runc does during create, crun when its init
      // loads the filter, at start. The state's status must fit the moment it arrived.
      ScmRightsListener.Message m = listener.await(WAIT_MS);
      Set<String> statuses = Set.of("creating", "created");
      if (m == null) {
        c.startOk();
        m = listener.await(WAIT_MS);
        statuses = Set.of("created", "running");
      }
      if (m == null) {
        return Verdict.fail(
            "the runtime sends the process state to listenerPath by create or start",
            "nothing within " + WAIT_MS + " ms of either");
      }
      JsonNode st = c.state();
      long statePid = st == null ? -1 : st.path("pid").asLong(-1);
      List<String> problems = judge(m, c.id(), metadata, statePid, statuses);
      return Verdict.expect(
          problems.isEmpty(),
          "one notify fd on the first read, then one JSON process state matching the container,"
              + " then EOF",
          String.join("; ", problems));
    }
  }

  /** Every way the message departs from the spec, or an empty list. */
  static List<String> judge(
      ScmRightsListener.Message m,
      String id,
      String metadata,
      long statePid,
      Set<String> statuses) {
    List<String> problems = new ArrayList<>();
    if (!m.error().isEmpty()) {
      problems.add("the message did not end: " + m.error());
    }
    if (m.fds().size() != 1) {
      problems.add(m.fds().size() + " descriptors received, not 1");
    } else if (m.readsWithFds() != 1) {
      problems.add("descriptors arrived with " + m.readsWithFds() + " reads");
    }
    for (FileDescriptor fd : m.fds()) {
      String target = ScmRightsListener.target(fd);
      if (!target.equals("anon_inode:seccomp notify")) {
        problems.add("the descriptor is " + target + ", not a seccomp notify fd");
      }
    }
    JsonNode s;
    try {
      s = Container.JSON.readTree(m.text());
    } catch (RuntimeException e) {
      problems.add("the payload is not one JSON value: '" + abbreviate(m.text()) + "'");
      return problems;
    }
    if (s == null || !s.isObject()) {
      problems.add("the payload is not a JSON object: '" + abbreviate(m.text()) + "'");
      return problems;
    }
    String ociVersion = s.path("ociVersion").asString("");
    if (!SEMVER.matcher(ociVersion).matches()) {
      problems.add("ociVersion '" + ociVersion + "' is not SemVer");
    }
    JsonNode fds = s.path("fds");
    if (!fds.isArray() || fds.size() != 1 || !"seccompFd".equals(fds.path(0).asString(""))) {
      problems.add("fds is " + fds + ", not [\"seccompFd\"]");
    }
    long pid = s.path("pid").asLong(-1);
    if (pid <= 0 || pid != statePid) {
      problems.add("pid " + s.path("pid") + " is not the state's pid " + statePid);
    }
    if (!metadata.equals(s.path("metadata").asString(null))) {
      problems.add("metadata is " + s.path("metadata") + ", not \"" + metadata + "\"");
    }
    JsonNode state = s.path("state");
    if (!id.equals(state.path("id").asString(null))) {
      problems.add("state.id is " + state.path("id") + ", not \"" + id + "\"");
    }
    String status = state.path("status").asString(null);
    if (!statuses.contains(status)) {
      problems.add(
          "state.status is "
              + state.path("status")
              + ", not one of "
              + new java.util.TreeSet<>(statuses)
              + " (the statuses the container can have when the message arrived)");
    }
    return problems;
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  private static Verdict missing(Context ctx) throws Exception {
    ctx.requireBaseline();
    Container c = ctx.container();
    String nowhere = c.bundle().dir().resolve("no-listener.sock").toString();
    notifyOnMkdir(c, nowhere);
    CallResult r = c.create();
    return Verdict.expect(
        r.refused(),
        "create fails: nothing listens at " + nowhere,
        r.ok() ? "create succeeded; status " + c.status() : r.describe());
  }
}
