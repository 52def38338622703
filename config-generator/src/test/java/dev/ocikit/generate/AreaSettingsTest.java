package dev.ocikit.generate;

import static dev.ocikit.generate.Configs.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.generate.BlockIoSettings.Throttle;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.spec.runtime.SeccompAction;
import dev.ocikit.spec.runtime.SeccompOperator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The semantics of the hook, seccomp, block I/O and platform edits beyond where values land. */
class AreaSettingsTest {
  @Test
  void hookEnvAndTimeoutApplyToTheLastHookOrToAPath() {
    ConfigGenerator g = ConfigGenerator.linux();
    g.hooks()
        .add(HookKind.POSTSTOP, "/bin/a")
        .add(HookKind.POSTSTOP, "/bin/b", "b", "-v")
        .env(HookKind.POSTSTOP, "A=1", "A=2", "B=3")
        .timeout(HookKind.POSTSTOP, 9)
        .timeout(HookKind.POSTSTOP, "/bin/a", 4);
    RuntimeConfig c = g.build();
    assertEquals(4, at(c, "/hooks/poststop/0/timeout").asInt());
    assertEquals("[\"A=2\",\"B=3\"]", at(c, "/hooks/poststop/1/env").toString());
    assertEquals(9, at(c, "/hooks/poststop/1/timeout").asInt());
    assertThrows(IllegalStateException.class, () -> g.hooks().env(HookKind.PRESTART, "A=1"));
    assertThrows(IllegalArgumentException.class, () -> g.hooks().timeout(HookKind.POSTSTOP, 0));
    assertThrows(IllegalArgumentException.class, () -> g.hooks().env(HookKind.POSTSTOP, "A"));
  }

  @Test
  void defaultErrnoNeedsAnErrnoDefaultAndGoesWithIt() throws Exception {
    ConfigGenerator g = ConfigGenerator.linux();
    assertThrows(IllegalStateException.class, () -> g.seccomp().defaultErrno(1));
    g.seccomp().defaultAction(SeccompAction.SCMP_ACT_ERRNO).defaultErrno(38);
    assertEquals(38, g.build().linux().seccomp().defaultErrnoRet());
    g.seccomp().defaultAction(SeccompAction.SCMP_ACT_KILL);
    assertNull(g.build().linux().seccomp().defaultErrnoRet());
    assertEquals("", Configs.errors(g.build()));
  }

  @Test
  void argumentRuleReplacesTheSyscallsEarlierRule() {
    ConfigGenerator g = ConfigGenerator.linux();
    g.seccomp()
        .defaultAction(SeccompAction.SCMP_ACT_ERRNO)
        .rule(SeccompAction.SCMP_ACT_ALLOW, "personality", "read")
        .rule(
            SeccompAction.SCMP_ACT_ALLOW,
            null,
            List.of(SeccompSettings.arg(0, SeccompOperator.SCMP_CMP_EQ, 8, null)),
            "personality");
    RuntimeConfig c = g.build();
    assertEquals("[\"read\"]", at(c, "/linux/seccomp/syscalls/0/names").toString());
    assertEquals(8, at(c, "/linux/seccomp/syscalls/1/args/0/value").asInt());
  }

  @Test
  void weightDeviceKeepsTheOtherWeightAndThrottlesHaveOneEntryPerDevice() {
    ConfigGenerator g = ConfigGenerator.linux();
    g.resources()
        .blockIO()
        .weightDevice(8, 0, 500, null)
        .weightDevice(8, 0, null, 300)
        .throttle(Throttle.READ_BPS, 8, 0, 1)
        .throttle(Throttle.READ_BPS, 8, 0, 2)
        .throttle(Throttle.WRITE_IOPS, 8, 16, 3)
        .removeThrottle(Throttle.WRITE_IOPS, 8, 16);
    RuntimeConfig c = g.build();
    assertEquals(500, at(c, "/linux/resources/blockIO/weightDevice/0/weight").asInt());
    assertEquals(300, at(c, "/linux/resources/blockIO/weightDevice/0/leafWeight").asInt());
    assertEquals(1, at(c, "/linux/resources/blockIO/throttleReadBpsDevice").size());
    assertEquals(2, at(c, "/linux/resources/blockIO/throttleReadBpsDevice/0/rate").asInt());
    assertEquals(0, at(c, "/linux/resources/blockIO/throttleWriteIOPSDevice").size());
  }

  @Test
  void hypervRemovesRootAndStaysValid() throws Exception {
    ConfigGenerator g = ConfigGenerator.windows();
    g.windowsSettings().layerFolders(List.of("C:\\l", "C:\\s")).hyperv(null);
    g.rootPath("rootfs");
    g.windowsSettings().hyperv("C:\\uvm");
    assertNull(g.build().root());
    assertEquals("", Configs.errors(g.build()));
  }

  @Test
  void annotationsAndPlatformSectionsAreCreatedOnDemand() throws Exception {
    ConfigGenerator g = ConfigGenerator.linux().annotation("a", "1").removeAnnotation("a");
    g.removeAnnotation("absent");
    assertTrue(g.build().annotations().isEmpty());
    g.vmSettings().kernelPath("/boot/vmlinuz").image("/var/vm.img", "raw");
    g.zosSettings().removeNamespace(dev.ocikit.spec.runtime.ZOSNamespaceType.PID);
    assertEquals("raw", at(g.build(), "/vm/image/format").asText());
    assertEquals("", Configs.errors(g.build()));
    assertThrows(IllegalArgumentException.class, () -> g.freebsdSettings().allow("fly", true));
    assertThrows(
        IllegalArgumentException.class,
        () -> g.freebsdSettings().sysv("pipe", dev.ocikit.spec.runtime.FreeBSDJailMode.NEW));
  }
}
