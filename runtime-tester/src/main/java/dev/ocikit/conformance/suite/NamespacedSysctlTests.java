package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * config-linux.md "Sysctl" for sysctls that belong to a namespace: set in {@link RootObservation}
 * (own network and IPC namespaces) to values other than the host's, each must read back as
 * configured inside the container while the host keeps its own value.
 */
final class NamespacedSysctlTests {
  private NamespacedSysctlTests() {}

  static List<SpecTest> all() {
    return List.of(
        test("net", List.of("net.ipv4.ip_forward"), "the container's network namespace"),
        test(
            "ipc",
            List.of("kernel.shmmax", "fs.mqueue.queues_max"),
            "the container's IPC namespace"));
  }

  private static SpecTest test(String ns, List<String> keys, String where) {
    return of(
        "linux.sysctl." + ns + "-namespaced",
        "config-linux.md",
        "sysctl",
        Level.MUST,
        String.join(", ", keys) + " take the configured values in " + where + ", not on the host",
        ctx -> {
          RootObservation r = RootObservation.get(ctx);
          List<String> want = new ArrayList<>();
          List<String> got = new ArrayList<>();
          boolean ok = true;
          for (String key : keys) {
            String value = r.obs().intended().linux().sysctl().get(key);
            String inside = r.obs().probe("read:" + RootObservation.procPath(key)).strip();
            String hostBefore = r.hostSysctls().get(key);
            String hostNow = RootObservation.hostSysctl(key);
            if (!hostNow.equals(hostBefore)) {
              // The runtime changed the host: put the value back before judging.
              Files.writeString(Path.of(RootObservation.procPath(key)), hostBefore);
            }
            ok &= inside.equals("ok:" + value) && hostNow.equals(hostBefore);
            want.add(key + " = " + value + " inside, host keeps " + hostBefore);
            got.add(key + ": inside " + inside + ", host " + hostNow);
          }
          return Verdict.expect(ok, String.join("; ", want), String.join("; ", got));
        });
  }
}
