package dev.ocikit.cli.generate;

import static dev.ocikit.cli.generate.FlagRow.row;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hook, seccomp, resource and Linux feature flags: a row each, and every resulting config valid
 * at MUST level.
 */
class GenerateLinuxFlagsTest {
  private static List<String> hook(String kind, String detail) {
    return List.of("--hooks-" + kind + "-" + detail, "--hooks-" + kind + "-add=/bin/h");
  }

  static Stream<Arguments> hooks() {
    Stream.Builder<Arguments> rows = Stream.builder();
    for (String[] k :
        new String[][] {
          {"prestart", "prestart"},
          {"createruntime", "createRuntime"},
          {"createcontainer", "createContainer"},
          {"startcontainer", "startContainer"},
          {"poststart", "poststart"},
          {"poststop", "poststop"}
        }) {
      String at = "/hooks/" + k[1] + "/0";
      rows.add(row(hook(k[0], "env=A=1"), at + "/env/0", "A=1"));
      rows.add(row(hook(k[0], "timeout=/bin/h:7"), at + "/timeout", "7"));
      rows.add(row(List.of("--hooks-" + k[0] + "-remove-all"), "/hooks", ""));
    }
    return rows.build();
  }

  static Stream<Arguments> linux() {
    return Stream.of(
        row(
            "--linux-seccomp-syscalls=personality:allow:0,EQ,0",
            "/linux/seccomp/syscalls/0/args/0/op",
            "SCMP_CMP_EQ"),
        row(
            "--linux-seccomp-syscalls={\"names\":[\"kill\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":3}",
            "/linux/seccomp/syscalls/0/errnoRet",
            "3"),
        row(
            List.of("--linux-seccomp-default-errno=38", "--linux-seccomp-default=errno"),
            "/linux/seccomp/defaultErrnoRet",
            "38"),
        row(
            "--linux-seccomp-flags=log,SECCOMP_FILTER_FLAG_SPEC_ALLOW",
            "/linux/seccomp/flags/1",
            "SECCOMP_FILTER_FLAG_SPEC_ALLOW"),
        row(
            "--linux-seccomp-listener-path=/run/notify.sock",
            "/linux/seccomp/listenerPath",
            "/run/notify.sock"),
        row(
            List.of(
                "--linux-seccomp-listener-metadata=tenant=a",
                "--linux-seccomp-listener-path=/run/n.sock"),
            "/linux/seccomp/listenerMetadata",
            "tenant=a"),
        row("--linux-mem-kernel-limit=1m", "/linux/resources/memory/kernel", "1048576"),
        row("--linux-mem-kernel-tcp=2m", "/linux/resources/memory/kernelTCP", "2097152"),
        row("--linux-blkio-leaf-weight=300", "/linux/resources/blockIO/leafWeight", "300"),
        row(
            "--linux-blkio-weight-device=8:0:500",
            "/linux/resources/blockIO/weightDevice/0/weight",
            "500"),
        row(
            "--linux-blkio-leaf-weight-device=8:0:200",
            "/linux/resources/blockIO/weightDevice/0/leafWeight",
            "200"),
        row(
            "--linux-blkio-read-bps-device=8:0:1048576",
            "/linux/resources/blockIO/throttleReadBpsDevice/0/rate",
            "1048576"),
        row(
            "--linux-blkio-write-bps-device=8:16:4096",
            "/linux/resources/blockIO/throttleWriteBpsDevice/0/minor",
            "16"),
        row(
            "--linux-blkio-read-iops-device=8:0:100",
            "/linux/resources/blockIO/throttleReadIOPSDevice/0/rate",
            "100"),
        row(
            "--linux-blkio-write-iops-device=8:0:50",
            "/linux/resources/blockIO/throttleWriteIOPSDevice/0/rate",
            "50"),
        row(
            "--linux-device-cgroup-add=allow,type=c,major=10,minor=229,access=rwm",
            "/linux/resources/devices/1/major",
            "10"),
        row("--linux-device-cgroup-remove=deny,access=rwm", "/linux/resources/devices", "[]"),
        row(
            List.of("--linux-hugepage-limits-drop=2MB", "--linux-hugepage-limits-add=2MB:1024"),
            "/linux/resources/hugepageLimits",
            "[]"),
        row(
            "--linux-network-priorities=eth0:5",
            "/linux/resources/network/priorities/0/priority",
            "5"),
        row("--linux-rdma=mlx5_1:3:10000", "/linux/resources/rdma/mlx5_1/hcaObjects", "10000"),
        row("--linux-net-device=eth1:net0", "/linux/netDevices/eth1/name", "net0"),
        row("--linux-net-device-remove=eth1", "/linux/netDevices", ""),
        row("--linux-personality=LINUX32", "/linux/personality/domain", "LINUX32"),
        row(
            "--linux-memory-policy=bind:0-1:static_nodes",
            "/linux/memoryPolicy/flags/0",
            "MPOL_F_STATIC_NODES"),
        row("--linux-intelRdt-closid=guaranteed", "/linux/intelRdt/closID", "guaranteed"),
        row(
            "--linux-intelRdt-l3-cache-schema=L3:0=ffff0",
            "/linux/intelRdt/l3CacheSchema",
            "L3:0=ffff0"),
        row("--linux-intelRdt-l3CacheSchema=L3:0=ff", "/linux/intelRdt/l3CacheSchema", "L3:0=ff"),
        row("--linux-intelRdt-mem-bw-schema=MB:0=20", "/linux/intelRdt/memBwSchema", "MB:0=20"),
        row("--linux-intelRdt-memBwSchema=MB:0=70", "/linux/intelRdt/memBwSchema", "MB:0=70"),
        row("--linux-intelRdt-schemata=L2:0=f", "/linux/intelRdt/schemata/0", "L2:0=f"),
        row("--linux-intelRdt-enable-monitoring", "/linux/intelRdt/enableMonitoring", "true"),
        row(
            "--linux-mountlabel=system_u:object_r:container_file_t:s0",
            "/linux/mountLabel",
            "system_u:object_r:container_file_t:s0"),
        row("--process-terminal", "/process/terminal", "true"),
        row("--process-exec-cpu-affinity-initial=0-3", "/process/execCPUAffinity/initial", "0-3"),
        row("--process-exec-cpu-affinity-final=7", "/process/execCPUAffinity/final", "7"),
        row("--process-cap-ambient-drop-all", "/process/capabilities/ambient", "[]"),
        row("--process-cap-bounding-drop-all", "/process/capabilities/bounding", "[]"),
        row("--process-cap-effective-drop-all", "/process/capabilities/effective", "[]"),
        row("--process-cap-inheritable-drop-all", "/process/capabilities/inheritable", "[]"),
        row(
            List.of("--process-cap-permitted-drop-all", "--process-cap-effective-drop-all"),
            "/process/capabilities/permitted",
            "[]"),
        row(
            List.of("--linux-seccomp-errno-ret=38", "--linux-seccomp-errno=ptrace"),
            "/linux/seccomp/syscalls/0/errnoRet",
            "38"),
        row(
            List.of("--process-scheduler-nice=5", "--process-scheduler-policy=SCHED_OTHER"),
            "/process/scheduler/nice",
            "5"),
        row(
            List.of("--process-scheduler-priority=10", "--process-scheduler-policy=SCHED_FIFO"),
            "/process/scheduler/priority",
            "10"),
        row("--mount-cgroups=rw", "/mounts/6/options/4", "rw"),
        row("--annotation-remove=k", "/annotations", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"hooks", "linux"})
  void flagLandsAtPointerAndValidates(
      String name, List<String> args, String pointer, String expected) {
    FlagRow.check(args, pointer, expected, true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seccompOnly")
  void seccompOnlyWritesTheProfile(
      String name, List<String> args, String pointer, String expected) {
    FlagRow.check(args, pointer, expected, false);
  }

  static Stream<Arguments> seccompOnly() {
    return Stream.of(
        row(
            List.of("--linux-seccomp-only", "--linux-seccomp-default=errno"),
            "/defaultAction",
            "SCMP_ACT_ERRNO"),
        row(List.of("--linux-seccomp-only", "--linux-seccomp-kill=reboot"), "/ociVersion", ""));
  }
}
