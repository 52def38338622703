package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.generate.SeccompSettings;
import dev.ocikit.spec.runtime.SeccompAction;
import dev.ocikit.spec.runtime.SeccompFlag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * config-linux.md "Seccomp" {@code flags}, where the kernel shows their effect. {@code
 * SECCOMP_FILTER_FLAG_LOG}: the kernel logs an ERRNO action (audit record type 1326) only for a
 * filter loaded with that flag, so a denied {@code rmdir} (a call no other test denies) must leave
 * a record in the kernel log. {@code SECCOMP_FILTER_FLAG_SPEC_ALLOW}: where the host mitigates
 * speculative store bypass for every seccomp-confined task, a task whose filter has the flag stays
 * "vulnerable" in {@code /proc/PID/status}. {@code TSYNC} has no effect a single-threaded init
 * shows, so it is not judged.
 */
final class SeccompFlagTests {
  private static final String DOC = "config-linux.md";
  private static final Path SSB =
      Path.of("/sys/devices/system/cpu/vulnerabilities/spec_store_bypass");

  /** An audit record's time (epoch seconds); the record names the action without its data. */
  private static final Pattern RECORD =
      Pattern.compile(
          "audit\\((\\d+)\\.\\d+:\\d+\\): .*type=1326|type=1326 audit\\((\\d+)\\.\\d+:\\d+\\)");

  private SeccompFlagTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
                "seccomp.flags.log",
                DOC,
                "seccomp",
                Level.MUST,
                "with SECCOMP_FILTER_FLAG_LOG, a syscall denied by SCMP_ACT_ERRNO is logged by the"
                    + " kernel (audit type 1326)",
                SeccompFlagTests::log)
            .since("1.0.2"),
        of(
                "seccomp.flags.spec-allow",
                DOC,
                "seccomp",
                Level.MUST,
                "with SECCOMP_FILTER_FLAG_SPEC_ALLOW, the seccomp filter does not force the"
                    + " speculative store bypass mitigation on the process",
                SeccompFlagTests::specAllow)
            .since("1.0.2"));
  }

  private static SeccompSettings filter(Container c) {
    return c.bundle()
        .config()
        .generator()
        .seccomp()
        .defaultAction(SeccompAction.SCMP_ACT_ALLOW)
        .architectures(SeccompSettings.nativeArchitectures("x86_64"));
  }

  /**
   * Creates and starts {@code c}; a SKIP naming the error when the runtime refuses the flag (a
   * plain bundle working): config.md#valid-values lets a runtime refuse what it does not support,
   * so long as it errors. Applying the filter without the flag's effect is the failure.
   */
  private static Verdict createOrRefusal(Context ctx, Container c, String flag) throws Exception {
    CallResult r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
      return Verdict.skip("the runtime refuses " + flag + " with an error: " + r.describe());
    }
    c.startOk();
    return null;
  }

  private static Verdict log(Context ctx) throws Exception {
    String logged = HostProc.read("/proc/sys/kernel/seccomp/actions_logged");
    if (!Files.exists(Path.of("/proc/self/loginuid")) || !logged.contains("errno")) {
      ctx.requireBaseline();
      return Verdict.skip(
          "the host kernel does not log seccomp errno actions (no audit, or actions_logged is '"
              + logged.strip()
              + "')");
    }
    long since = System.currentTimeMillis() / 1000 - 1;
    Container c = ctx.container();
    c.bundle().config().shell("sh -c 'rmdir /ocikit-logged' 2> $MARK/err; echo $? > $MARK/rc");
    filter(c).rule(SeccompAction.SCMP_ACT_ERRNO, "rmdir").flag(SeccompFlag.SECCOMP_FILTER_FLAG_LOG);
    Verdict refused = createOrRefusal(ctx, c, "SECCOMP_FILTER_FLAG_LOG");
    if (refused != null) {
      return refused;
    }
    String err = c.awaitMarker("rc") ? c.marker("err").strip() : "<no report; " + c.status() + ">";
    // The record goes through the kernel's audit thread: give it a moment to reach the log. No
    // wait when the rule did not even deny rmdir (runsc without --oci-seccomp): nothing will come.
    String[] record = {""};
    if (err.contains("Operation not permitted")) {
      Context.await(() -> !(record[0] = rmdirRecord(since)).isEmpty(), Container.SETTLE);
    }
    return Verdict.expect(
        err.contains("Operation not permitted") && !record[0].isEmpty(),
        "rmdir fails with EPERM and the kernel log has its seccomp record (syscall=84)",
        "rmdir: '" + err + "'; record: " + (record[0].isEmpty() ? "none" : record[0]));
  }

  /**
   * The first audit record of an ERRNO'd rmdir (x86_64 syscall 84) at or after {@code since} (epoch
   * seconds), or "".
   */
  private static String rmdirRecord(long since) {
    for (String line : dmesg().split("\n")) {
      if (!line.contains("syscall=84 ") || !line.contains("code=0x50000")) {
        continue;
      }
      Matcher m = RECORD.matcher(line);
      if (m.find()) {
        String secs = m.group(1) != null ? m.group(1) : m.group(2);
        if (Long.parseLong(secs) >= since) {
          return line.substring(line.indexOf("type=1326")).strip();
        }
      }
    }
    return "";
  }

  private static String dmesg() {
    try {
      Process p = new ProcessBuilder("dmesg").redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readNBytes(4 << 20);
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (Exception e) {
      return "";
    }
  }

  private static Verdict specAllow(Context ctx) throws Exception {
    String mode = HostProc.read(SSB.toString()).strip();
    if (!mode.contains("seccomp")) {
      // A fact of the host alone: no baseline container (about 3 s on runsc) to prove the runtime.
      return Verdict.skip(
          "the host does not mitigate speculative store bypass for seccomp tasks ("
              + SSB
              + ": "
              + mode
              + "), so the flag has nothing to show");
    }
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER);
    filter(c)
        .rule(SeccompAction.SCMP_ACT_ERRNO, "rmdir")
        .flag(SeccompFlag.SECCOMP_FILTER_FLAG_SPEC_ALLOW);
    Verdict refused = createOrRefusal(ctx, c, "SECCOMP_FILTER_FLAG_SPEC_ALLOW");
    if (refused != null) {
      return refused;
    }
    if (!c.awaitMarker("ran")) {
      return Verdict.fail("the process runs", "no marker; status " + c.status());
    }
    String line = "";
    String seccomp = "";
    for (String l : HostProc.read("/proc/" + HostProc.pidOf(c) + "/status").split("\n")) {
      if (l.startsWith("Speculation_Store_Bypass:")) {
        line = l.substring(l.indexOf(':') + 1).strip();
      } else if (l.startsWith("Seccomp:")) {
        seccomp = l.substring(l.indexOf(':') + 1).strip();
      }
    }
    // Seccomp 2 (filter mode) first: a runtime ignoring the whole filter must not pass.
    return Verdict.expect(
        seccomp.equals("2") && !line.isEmpty() && !line.contains("force mitigated"),
        "Seccomp: 2 and Speculation_Store_Bypass not 'thread force mitigated'",
        "Seccomp: '" + seccomp + "', Speculation_Store_Bypass: '" + line + "'");
  }
}
