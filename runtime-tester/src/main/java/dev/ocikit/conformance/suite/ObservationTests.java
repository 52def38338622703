package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.spec.runtime.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** config.md "Process", "Hostname", "Root" and "Mounts": judged from one in-container report. */
final class ObservationTests {
  private static final String CONFIG = "config.md";

  static final List<String> DEVICES =
      List.of(
          "/dev/null",
          "/dev/zero",
          "/dev/full",
          "/dev/random",
          "/dev/urandom",
          "/dev/tty",
          "/dev/ptmx");
  static final Map<String, String> DEV_LINKS =
      Map.of(
          "/dev/fd",
          "/proc/self/fd",
          "/dev/stdin",
          "/proc/self/fd/0",
          "/dev/stdout",
          "/proc/self/fd/1",
          "/dev/stderr",
          "/proc/self/fd/2");

  private ObservationTests() {}

  static List<SpecTest> all() {
    List<SpecTest> t = new ArrayList<>();
    t.add(
        of(
            "process.args",
            CONFIG,
            "process",
            Level.MUST,
            "the process runs with exactly process.args",
            ctx -> {
              Observation o = Observation.get(ctx);
              return same(
                  Container.JSON.valueToTree(o.intended().process().args()),
                  o.seen().path("cmdline"));
            }));
    t.add(
        of(
            "process.env",
            CONFIG,
            "process",
            Level.MUST,
            "every process.env entry is in the process environment",
            ObservationTests::env));
    t.add(
        of(
            "process.cwd",
            CONFIG,
            "process",
            Level.MUST,
            "the working directory is process.cwd",
            ctx -> {
              Observation o = Observation.get(ctx);
              return same(o.intended().process().cwd(), o.seen().path("cwd"));
            }));
    t.add(
        of(
            "hostname",
            CONFIG,
            "hostname",
            Level.MUST,
            "the container sees the configured hostname",
            ctx -> {
              Observation o = Observation.get(ctx);
              return same(o.intended().hostname(), o.seen().path("hostname"));
            }));
    t.add(
        of(
            "process.user.uid-gid",
            CONFIG,
            "posix-platform-user",
            Level.MUST,
            "real and effective uid and gid are user.uid and user.gid",
            ctx -> {
              Observation o = Observation.get(ctx);
              User u = o.intended().process().user();
              String want = ids(u.uid());
              String wantG = ids(u.gid());
              return Verdict.expect(
                  want.equals(o.status("Uid")) && wantG.equals(o.status("Gid")),
                  "Uid " + want + ", Gid " + wantG,
                  "Uid " + o.status("Uid") + ", Gid " + o.status("Gid"));
            }));
    t.add(
        of(
            "process.user.additional-gids",
            CONFIG,
            "posix-platform-user",
            Level.MUST,
            "supplementary groups include user.additionalGids",
            ctx -> {
              Observation o = Observation.get(ctx);
              List<String> groups = List.of(o.status("Groups").split("\\s+"));
              boolean ok = true;
              List<Long> want = o.intended().process().user().additionalGids();
              for (long g : want) {
                ok &= groups.contains(Long.toString(g));
              }
              return Verdict.expect(ok, "Groups include " + want, "Groups: " + o.status("Groups"));
            }));
    t.add(
        of(
                "process.user.umask",
                CONFIG,
                "posix-platform-user",
                Level.MUST,
                "the process umask is user.umask",
                ctx -> {
                  Observation o = Observation.get(ctx);
                  String want = String.format("%04o", o.intended().process().user().umask());
                  return Verdict.expect(
                      want.equals(o.status("Umask")),
                      "Umask " + want,
                      "Umask " + o.status("Umask"));
                })
            .since("1.0.2"));
    t.add(
        of(
            "process.oom-score-adj",
            CONFIG,
            "linux-process",
            Level.MUST,
            "oom_score_adj is process.oomScoreAdj",
            ctx -> {
              Observation o = Observation.get(ctx);
              return same(
                  String.valueOf(o.intended().process().oomScoreAdj()),
                  o.seen().path("oomScoreAdj"));
            }));
    t.add(
        of(
            "process.no-new-privileges",
            CONFIG,
            "linux-process",
            Level.MUST,
            "noNewPrivileges true sets the process's no_new_privs bit",
            ctx -> {
              Observation o = Observation.get(ctx);
              return Verdict.expect(
                  "1".equals(o.status("NoNewPrivs")),
                  "NoNewPrivs 1",
                  "NoNewPrivs " + o.status("NoNewPrivs"));
            }));
    t.addAll(LinuxObservationTests.all());
    return t;
  }

  private static Verdict env(Context ctx) throws Exception {
    Observation o = Observation.get(ctx);
    List<String> missing = new ArrayList<>();
    for (String kv : o.intended().process().env()) {
      int eq = kv.indexOf('=');
      JsonNode got = o.seen().path("env").path(kv.substring(0, eq));
      if (!kv.substring(eq + 1).equals(got.asString(null))) {
        missing.add(kv + " (got " + got + ")");
      }
    }
    return Verdict.expect(
        missing.isEmpty(),
        "all of " + o.intended().process().env(),
        "missing or different: " + missing);
  }

  static Verdict same(String want, JsonNode got) {
    return Verdict.expect(String.valueOf(want).equals(got.asString("")), want, String.valueOf(got));
  }

  static Verdict same(JsonNode want, JsonNode got) {
    // Text only for single values: asString("") of any two arrays is "", which let every
    // process.args pass.
    boolean text = want.isValueNode() && want.asString("").equals(got.asString(""));
    return Verdict.expect(text || want.equals(got), String.valueOf(want), String.valueOf(got));
  }

  /** /proc/self/status prints real, effective, saved and filesystem ids. */
  private static String ids(long id) {
    return id + "\t" + id + "\t" + id + "\t" + id;
  }
}
