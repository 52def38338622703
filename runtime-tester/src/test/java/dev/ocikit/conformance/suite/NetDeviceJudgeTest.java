package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing `ip -o link` output for the network device judges. */
class NetDeviceJudgeTest {
  private static final String LINKS =
      "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT\n"
          + "5: ocikit0@if6: <BROADCAST,MULTICAST,UP> mtu 1280 qdisc noqueue state UP\n"
          + "7: ockt0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN\n"
          + "9: ockt1@if10: <BROADCAST> mtu 1500 qdisc noop state DOWN\n";

  @Test
  void templateNamesAreTheKernelChosenOnes() {
    assertEquals(List.of("ockt0", "ockt1"), NetDeviceRun.templateNames(LINKS));
    // A host name that merely starts like the template is not a template result.
    assertEquals(List.of(), NetDeviceRun.templateNames("3: ockt1a2b3c4a: <UP> mtu 1500\n"));
    assertEquals(List.of(), NetDeviceRun.templateNames(""));
  }

  @Test
  void linksAndMtuAreRead() {
    assertTrue(NetDeviceRun.hasLink(LINKS, "ocikit0"));
    assertFalse(NetDeviceRun.hasLink(LINKS, "ocikit"));
    assertEquals(1280, NetDeviceRun.mtu(LINKS.split("\n")[1]));
    assertEquals(-1, NetDeviceRun.mtu("Device \"ocikit0\" does not exist."));
  }
}
