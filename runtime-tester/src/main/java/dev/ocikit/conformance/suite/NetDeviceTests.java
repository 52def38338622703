package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import java.util.List;
import java.util.function.Function;

/**
 * config-linux.md "Network Devices" beyond the move itself ({@code linux.net-devices.moved}):
 * template names, kept addresses, and what the runtime leaves alone in the container's network
 * namespace, all judged on one {@link NetDeviceRun}.
 */
final class NetDeviceTests {
  private static final String DOC = "config-linux.md";
  private static final String LIFECYCLE = "namespace-lifecycle-and-container-termination";

  private NetDeviceTests() {}

  static List<SpecTest> all() {
    return List.of(
        test(
            "linux.net-devices.template-name",
            "network-devices",
            "two interfaces named "
                + NetDeviceRun.TEMPLATE
                + " both arrive, under kernel-chosen"
                + " names",
            r -> {
              List<String> names = NetDeviceRun.templateNames(r.linksCreated());
              return Verdict.expect(names.size() == 2, "two interfaces ockt<N>", "found " + names);
            }),
        test(
            "linux.net-devices.keep-addresses",
            "network-devices",
            "a moved interface keeps its permanent global address " + NetDeviceRun.ADDRESS,
            r ->
                Verdict.expect(
                    r.addrCreated().contains("inet " + NetDeviceRun.ADDRESS),
                    "inet " + NetDeviceRun.ADDRESS + " on " + NetDeviceRun.NAMED,
                    "'" + r.addrCreated().strip() + "'")),
        test(
            "linux.net-devices.no-lifecycle-management",
            LIFECYCLE,
            "an MTU the harness sets on the moved interface after create survives start",
            r -> {
              int mtu = NetDeviceRun.mtu(r.linkStarted());
              return Verdict.expect(
                  mtu == NetDeviceRun.MTU,
                  "mtu " + NetDeviceRun.MTU,
                  "'" + r.linkStarted().strip() + "'");
            }),
        test(
            "linux.net-devices.no-move-back",
            LIFECYCLE,
            "after delete the moved interface is still in the joined network namespace",
            r ->
                Verdict.expect(
                    NetDeviceRun.hasLink(r.linksDeleted(), NetDeviceRun.NAMED),
                    NetDeviceRun.NAMED + " still in the namespace",
                    "links: " + r.linksDeleted().strip())));
  }

  private static SpecTest test(
      String id, String anchor, String title, Function<NetDeviceRun, Verdict> judge) {
    return SpecTest.of(
            id,
            DOC,
            anchor,
            Level.MUST,
            title,
            ctx -> {
              NetDeviceRun r = NetDeviceRun.get(ctx);
              if (!r.skip().isEmpty()) {
                return Verdict.skip(r.skip());
              }
              if (!r.createError().isEmpty()) {
                return Verdict.fail("create with netDevices succeeds", r.createError());
              }
              if (!r.onHost().isEmpty()) {
                // Not moved at all: nothing else about the devices can be judged as such.
                return Verdict.fail(
                    "the interfaces leave the host", "still on the host: " + r.onHost());
              }
              return judge.apply(r);
            })
        // netDevices came with runtime-spec 1.3.0.
        .since("1.3.0");
  }
}
