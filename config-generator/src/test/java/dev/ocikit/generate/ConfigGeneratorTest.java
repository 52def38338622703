package dev.ocikit.generate;

import static dev.ocikit.generate.Configs.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.LinuxCapabilities;
import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.json.JsonEquivalence;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.runtime.Hook;
import dev.ocikit.spec.runtime.LinuxDevice;
import dev.ocikit.spec.runtime.LinuxDeviceType;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.RootfsPropagation;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.spec.runtime.SeccompAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ConfigGeneratorTest {
  @ParameterizedTest
  @ValueSource(strings = {"linux", "windows", "solaris", "freebsd", "vm", "zos"})
  void platformDefaultsValidate(String os) throws Exception {
    RuntimeConfig c = ConfigGenerator.forPlatform(os).build();
    assertEquals("1.3.0", c.ociVersion());
    assertEquals("", Configs.errors(c));
  }

  @Test
  void linuxDefaultIsLikeRuncSpec() {
    RuntimeConfig c = ConfigGenerator.linux().build();
    assertEquals("sh", at(c, "/process/args/0").asText());
    assertEquals("/", c.process().cwd());
    assertEquals("rootfs", c.root().path());
    assertTrue(c.root().readonly());
    assertEquals(6, c.linux().namespaces().size());
    assertEquals(7, c.mounts().size());
    assertEquals("/sys/fs/cgroup", at(c, "/mounts/6/destination").asText());
    assertEquals("RLIMIT_NOFILE", at(c, "/process/rlimits/0/type").asText());
    assertEquals(1024, at(c, "/process/rlimits/0/hard").asInt());
    assertEquals("CAP_NET_BIND_SERVICE", at(c, "/process/capabilities/bounding/2").asText());
    assertTrue(c.linux().maskedPaths().contains("/proc/kcore"));
    assertTrue(c.linux().readonlyPaths().contains("/proc/sys"));
  }

  @Test
  void unknownBadPlatformIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ConfigGenerator.forPlatform("plan9"));
  }

  @Test
  void typedEditsLandWhereTheSpecSays() throws Exception {
    ConfigGenerator g = ConfigGenerator.linux();
    g.process()
        .args("/bin/busybox", "echo", "hello")
        .env("LANG", "C")
        .env("LANG", "C.UTF-8")
        .cwd("/tmp")
        .user(1000, 1000)
        .additionalGids(5, 5, 6)
        .addCapability("net_admin")
        .dropCapability(CapabilitySet.BOUNDING, "CAP_KILL")
        .rlimit("RLIMIT_NOFILE", 4096, 2048)
        .rlimit("RLIMIT_NPROC", 100, 100)
        .oomScoreAdj(100)
        .apparmorProfile("docker-default");
    g.linuxSettings()
        .namespace(NamespaceType.NETWORK, "/proc/1/ns/net")
        .removeNamespace(NamespaceType.CGROUP)
        .sysctl("net.ipv4.ip_forward", "1")
        .maskedPath("/proc/foo")
        .rootfsPropagation(RootfsPropagation.SLAVE)
        .cgroupsPath("/ocikit/demo")
        .device(
            LinuxDevice.builder()
                .path("/dev/fuse")
                .type(LinuxDeviceType.C)
                .major(10L)
                .minor(229L)
                .build());
    g.resources().memoryLimit(1 << 26).cpuShares(512).pidsLimit(64).unified("memory.high", "50M");
    g.seccomp()
        .defaultAction(SeccompAction.SCMP_ACT_ERRNO)
        .rule(SeccompAction.SCMP_ACT_ALLOW, "read");
    g.hooks().add(HookKind.CREATE_RUNTIME, Hook.builder().path("/usr/bin/true").build());
    g.hostname("web").domainname("example.org").annotation("org.example.key", "v");
    RuntimeConfig c = g.build();
    assertEquals("echo", at(c, "/process/args/1").asText());
    assertEquals(1, c.process().env().stream().filter(e -> e.startsWith("LANG=")).count());
    assertTrue(c.process().env().contains("LANG=C.UTF-8"));
    assertEquals(1000, at(c, "/process/user/uid").asInt());
    assertEquals(2, c.process().user().additionalGids().size());
    assertTrue(c.process().capabilities().effective().contains("CAP_NET_ADMIN"));
    assertFalse(c.process().capabilities().bounding().contains("CAP_KILL"));
    assertEquals(2, c.process().rlimits().size());
    assertEquals(4096, at(c, "/process/rlimits/0/hard").asInt());
    assertEquals("/proc/1/ns/net", at(c, "/linux/namespaces/1/path").asText());
    assertEquals(5, c.linux().namespaces().size());
    assertEquals("slave", at(c, "/linux/rootfsPropagation").asText());
    assertEquals(1 << 26, at(c, "/linux/resources/memory/limit").asLong());
    assertEquals("50M", at(c, "/linux/resources/unified/memory.high").asText());
    assertEquals("read", at(c, "/linux/seccomp/syscalls/0/names/0").asText());
    assertEquals("/usr/bin/true", at(c, "/hooks/createRuntime/0/path").asText());
    assertEquals("example.org", c.domainname());
    assertEquals("", Configs.errors(c));
  }

  @Test
  void unknownFieldsOfATemplateSurviveEdits(@TempDir Path dir) throws Exception {
    String json =
        """
        {"ociVersion": "1.3.0", "x-top": {"a": [1, 2]},
         "process": {"cwd": "/", "args": ["sh"], "x-proc": true,
                     "user": {"uid": 0, "gid": 0, "x-user": "u"}},
         "mounts": [{"destination": "/data", "type": "bind", "source": "/srv", "x-m": 1}],
         "linux": {"x-linux": "kept", "resources": {"memory": {"limit": 1, "x-mem": 2}}}}
        """;
    Path file = dir.resolve("config.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    ConfigGenerator g = ConfigGenerator.from(file);
    g.process().args("true").user(1, 1).env("A", "b");
    g.resources().memoryLimit(4096);
    g.linuxSettings().namespace(NamespaceType.PID);
    g.mounts().add("/tmp", "tmpfs", "tmpfs");
    RuntimeConfig c = g.build();
    assertEquals(2, at(c, "/x-top/a/1").asInt());
    assertTrue(at(c, "/process/x-proc").asBoolean());
    assertEquals("u", at(c, "/process/user/x-user").asText());
    assertEquals(1, at(c, "/mounts/0/x-m").asInt());
    assertEquals("kept", at(c, "/linux/x-linux").asText());
    assertEquals(2, at(c, "/linux/resources/memory/x-mem").asInt());
    assertEquals(4096, at(c, "/linux/resources/memory/limit").asInt());
    Path out = dir.resolve("out.json");
    g.write(out);
    JsonNode back = StrictJson.reader().read(out).root();
    assertTrue(
        JsonEquivalence.equivalent(c.toJson(), back),
        JsonEquivalence.firstDifference(c.toJson(), back, ""));
  }

  @Test
  void rootlessIsLikeRuncSpecRootless() throws Exception {
    RuntimeConfig c = ConfigGenerator.linux().rootless(1000, 1001).build();
    assertTrue(c.linux().namespaces().stream().anyMatch(n -> n.type().equals(NamespaceType.USER)));
    assertFalse(
        c.linux().namespaces().stream().anyMatch(n -> n.type().equals(NamespaceType.NETWORK)));
    assertEquals(1000, at(c, "/linux/uidMappings/0/hostID").asInt());
    assertEquals(1001, at(c, "/linux/gidMappings/0/hostID").asInt());
    assertEquals(0, at(c, "/linux/uidMappings/0/containerID").asInt());
    assertEquals(null, c.linux().resources());
    assertEquals("rbind", at(c, "/mounts/5/options/0").asText());
    assertFalse(c.mounts().get(2).options().contains("gid=5"));
    assertEquals("", Configs.errors(c));
  }

  @Test
  void privilegedHasEveryCapabilityAndNoConfinement() throws Exception {
    ConfigGenerator g = ConfigGenerator.linux();
    g.seccomp().defaultAction(SeccompAction.SCMP_ACT_ERRNO);
    RuntimeConfig c = g.privileged().build();
    assertEquals(LinuxCapabilities.ALL, c.process().capabilities().ambient());
    assertEquals(null, c.linux().seccomp());
    assertEquals(null, c.linux().maskedPaths());
    assertTrue(at(c, "/linux/resources/devices/0/allow").asBoolean());
    assertEquals("", Configs.errors(c));
  }

  @Test
  void hostSpecificFollowsTheKernel() throws Exception {
    HostInfo old = new HostInfo(37, false, "amd64", false, 0, 0);
    ConfigGenerator g = ConfigGenerator.linux();
    g.seccomp().rule(SeccompAction.SCMP_ACT_ERRNO, "reboot");
    g.process().addCapability("CAP_BPF");
    RuntimeConfig c = g.hostSpecific(old).privileged().build();
    assertEquals(38, c.process().capabilities().bounding().size());
    assertFalse(
        c.linux().namespaces().stream().anyMatch(n -> n.type().equals(NamespaceType.CGROUP)));
    ConfigGenerator s = ConfigGenerator.linux();
    s.seccomp().rule(SeccompAction.SCMP_ACT_ERRNO, "reboot");
    s.process().addCapability("CAP_BPF");
    RuntimeConfig t = s.hostSpecific(old).build();
    assertFalse(t.process().capabilities().bounding().contains("CAP_BPF"));
    assertEquals("SCMP_ARCH_X86_64", at(t, "/linux/seccomp/architectures/0").asText());
  }

  @Test
  void hostSpecificReadsThisMachine() throws Exception {
    HostInfo h = HostInfo.detect();
    assertTrue(h.capLastCap() > 30, "cap_last_cap " + h.capLastCap());
  }

  @Test
  void invalidValuesAreRefused() {
    ConfigGenerator g = ConfigGenerator.linux();
    assertThrows(IllegalArgumentException.class, () -> g.process().addCapability("CAP_FLY"));
    assertThrows(IllegalArgumentException.class, () -> g.process().env("A=B", "c"));
  }

  @Test
  void seccompRuleMovesASyscall() {
    ConfigGenerator g = ConfigGenerator.linux();
    g.seccomp().rule(SeccompAction.SCMP_ACT_KILL, "ptrace", "reboot");
    g.seccomp().errnoRule(1, "ptrace");
    RuntimeConfig c = g.build();
    assertEquals("reboot", at(c, "/linux/seccomp/syscalls/0/names/0").asText());
    assertEquals(1, c.linux().seccomp().syscalls().get(0).names().size());
    assertEquals("SCMP_ACT_ERRNO", at(c, "/linux/seccomp/syscalls/1/action").asText());
    g.seccomp().defaultAction(SeccompAction.SCMP_ACT_KILL);
    assertEquals(1, g.build().linux().seccomp().syscalls().size());
  }

  @Test
  void writeIsAtomicAndReadable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config.json");
    ConfigGenerator.linux().write(file);
    RuntimeConfig back = OciJson.read(file, RuntimeConfig::fromJson);
    assertEquals(ConfigGenerator.linux().build(), back);
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count());
    }
  }
}
