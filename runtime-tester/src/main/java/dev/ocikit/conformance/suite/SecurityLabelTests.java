package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * config.md "Linux Process" {@code apparmorProfile} and {@code selinuxLabel}, judged from the host
 * in /proc/PID/attr/current of the started container process. Each needs its LSM enabled on the
 * host and a profile or label meant for containers; without them the test skips with the host's
 * reason and is never counted as a pass.
 */
final class SecurityLabelTests {
  private SecurityLabelTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "process.apparmor-profile",
            "config.md",
            "linux-process",
            Level.MUST,
            "with apparmorProfile set to a loaded container profile, /proc/PID/attr/current of the"
                + " container process names that profile",
            SecurityLabelTests::apparmor),
        of(
            "process.selinux-label",
            "config.md",
            "linux-process",
            Level.MUST,
            "with selinuxLabel set to the policy's container process label, /proc/PID/attr/current"
                + " of the container process is that label",
            SecurityLabelTests::selinux));
  }

  private static Verdict apparmor(Context ctx) throws Exception {
    Path flag = Path.of("/sys/module/apparmor/parameters/enabled");
    String enabled = Files.exists(flag) ? HostProc.read(flag.toString()).strip() : "absent";
    if (!enabled.equals("Y")) {
      ctx.requireBaseline();
      return Verdict.skip(
          "AppArmor is not enabled on this host (/sys/module/apparmor/parameters/enabled: "
              + enabled
              + ")");
    }
    Optional<String> profile = containerProfile();
    if (profile.isEmpty()) {
      ctx.requireBaseline();
      return Verdict.skip(
          "no docker-default or containers-default* profile in"
              + " /sys/kernel/security/apparmor/profiles to confine a container with");
    }
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER).generator().process().apparmorProfile(profile.get());
    String got = startedAttr(ctx, c);
    String want = c.intended().process().apparmorProfile();
    // AppArmor appends the mode: "docker-default (enforce)".
    return Verdict.expect(
        got.equals(want) || got.startsWith(want + " ("),
        "config process.apparmorProfile " + want + " in /proc/PID/attr/current",
        "/proc/PID/attr/current = " + got);
  }

  private static Verdict selinux(Context ctx) throws Exception {
    if (!Files.exists(Path.of("/sys/fs/selinux/enforce"))) {
      ctx.requireBaseline();
      return Verdict.skip("SELinux is not enabled on this host (no /sys/fs/selinux/enforce)");
    }
    Optional<String> label = containerLabel();
    if (label.isEmpty()) {
      ctx.requireBaseline();
      return Verdict.skip(
          "no process label in /etc/selinux/<SELINUXTYPE>/contexts/lxc_contexts to run a"
              + " container with");
    }
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER).generator().process().selinuxLabel(label.get());
    String got = startedAttr(ctx, c);
    String want = c.intended().process().selinuxLabel();
    return Verdict.expect(
        got.equals(want),
        "config process.selinuxLabel " + want + " in /proc/PID/attr/current",
        "/proc/PID/attr/current = " + got);
  }

  /** The LSM attribute of the started container's process; labels apply at exec of process. */
  private static String startedAttr(Context ctx, Container c) throws Exception {
    c.createOk().startOk();
    if (!c.awaitMarker("ran")) {
      throw new Unmet("precondition: the container process did not run; status " + c.status());
    }
    long pid = HostProc.pidOf(c);
    return HostProc.read("/proc/" + pid + "/attr/current").replace("\0", "").strip();
  }

  /** A loaded profile written for containers (Docker's or Podman's default). */
  private static Optional<String> containerProfile() {
    for (String line : HostProc.read("/sys/kernel/security/apparmor/profiles").split("\n")) {
      String name = line.replaceFirst(" \\((enforce|complain|kill|unconfined)\\)$", "");
      if (name.equals("docker-default") || name.startsWith("containers-default")) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** The {@code process = "…"} label of the active policy's lxc_contexts. */
  private static Optional<String> containerLabel() {
    String type = "targeted";
    for (String line : HostProc.read("/etc/selinux/config").split("\n")) {
      if (line.startsWith("SELINUXTYPE=")) {
        type = line.substring("SELINUXTYPE=".length()).strip();
      }
    }
    String contexts = HostProc.read("/etc/selinux/" + type + "/contexts/lxc_contexts");
    for (String line : contexts.split("\n")) {
      String l = line.strip();
      if (l.startsWith("process") && l.contains("=")) {
        String value = l.substring(l.indexOf('=') + 1).strip().replace("\"", "");
        if (!value.isEmpty()) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }
}
