package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.spec.runtime.LinuxMemoryPolicyMode;
import dev.ocikit.spec.runtime.NamespaceType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Properties runtime-spec 1.3.0 added to config-linux.md, judged from the host: "Network Devices"
 * ({@code linux.netDevices}: a dummy (or veth) interface the harness creates must leave the host
 * and appear, renamed and up, in the container's network namespace) and "Memory Policy" ({@code
 * linux.memoryPolicy}: the process's NUMA policy as {@code /proc/PID/numa_maps} prints it).
 */
final class LinuxNewerTests {
  private static final String DOC = "config-linux.md";
  private static final String INSIDE = "ocikit0";

  private LinuxNewerTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
                "linux.net-devices.moved",
                DOC,
                "network-devices",
                Level.MUST,
                "a host interface (dummy, or veth without dummy) listed in netDevices with name ocikit0 leaves the host and"
                    + " is up as ocikit0 in the container's network namespace",
                LinuxNewerTests::netDevice)
            .since("1.3.0"),
        of(
                "linux.memory-policy.bind",
                DOC,
                "memory-policy",
                Level.MUST,
                "memoryPolicy MPOL_BIND on node 0 is the process's policy (bind:0 in numa_maps)",
                LinuxNewerTests::memoryPolicy)
            .since("1.3.0"));
  }

  private static Verdict netDevice(Context ctx) throws Exception {
    String host = "ockd" + Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 32));
    String added = NetDeviceRun.addInterface(host);
    if (!NetDeviceRun.onHost(host)) {
      ctx.requireBaseline();
      return Verdict.skip("cannot create a dummy or veth interface on the host: " + added.strip());
    }
    try {
      Container c = ctx.container();
      c.bundle().config().shell(Scripts.SLEEPER);
      c.bundle()
          .config()
          .generator()
          .linuxSettings()
          .namespace(NamespaceType.NETWORK)
          .netDevice(host, INSIDE);
      c.createOk();
      long pid = HostProc.pidOf(c);
      String inside =
          NetDeviceRun.run(
              "nsenter", "--net=/proc/" + pid + "/ns/net", "ip", "-o", "link", "show", INSIDE);
      boolean there = inside.contains(": " + INSIDE + ":") || inside.contains(": " + INSIDE + "@");
      boolean up = inside.matches("(?s).*<[^>]*\\bUP\\b[^>]*>.*");
      boolean gone = !NetDeviceRun.onHost(host);
      return Verdict.expect(
          there && up && gone,
          host + " gone from the host and " + INSIDE + " up in the container",
          "container: '" + inside.strip() + "'; still on the host: " + !gone);
    } finally {
      // Still on the host when the runtime left it there; a moved dummy dies with the namespace.
      // Deleting the veth peer left on the host removes the moved end too.
      NetDeviceRun.run("ip", "link", "del", host);
      NetDeviceRun.run("ip", "link", "del", host + "p");
    }
  }

  private static Verdict memoryPolicy(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER);
    c.bundle()
        .config()
        .generator()
        .linuxSettings()
        .memoryPolicy(LinuxMemoryPolicyMode.MPOL_BIND, "0", List.of());
    c.createOk().startOk();
    if (!c.awaitMarker("ran")) {
      return Verdict.fail("the process runs", "no marker; status " + c.status());
    }
    long pid = HostProc.pidOf(c);
    // A mapping without a policy of its own shows the task's policy.
    List<String> policies = new ArrayList<>();
    for (String line : HostProc.read("/proc/" + pid + "/numa_maps").split("\n")) {
      String[] f = line.split(" ");
      if (f.length > 1 && !policies.contains(f[1])) {
        policies.add(f[1]);
      }
    }
    return Verdict.expect(
        policies.contains("bind:0") && !policies.contains("default"),
        "every mapping of the process under policy bind:0",
        "policies in /proc/" + pid + "/numa_maps: " + policies);
  }
}
