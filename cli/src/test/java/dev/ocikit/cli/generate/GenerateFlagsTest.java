package dev.ocikit.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every flag, one row each: the flag and value, and where its value lands in the output. */
class GenerateFlagsTest {
  static Stream<Arguments> flags() {
    return Stream.of(
        row("--args=/bin/true", "/process/args/0", "/bin/true"),
        row("--env=LANG=C", "/process/env/2", "LANG=C"),
        row("--cwd=/srv", "/process/cwd", "/srv"),
        row("--process-cwd=/srv", "/process/cwd", "/srv"),
        row("--uid=1000", "/process/user/uid", "1000"),
        row("--process-uid=7", "/process/user/uid", "7"),
        row("--gid=1001", "/process/user/gid", "1001"),
        row("--process-gid=8", "/process/user/gid", "8"),
        row("--additional-gids=5,6", "/process/user/additionalGids/1", "6"),
        row("--process-groups=9", "/process/user/additionalGids/0", "9"),
        row("--process-umask=0022", "/process/user/umask", "18"),
        row("--process-username=alice", "/process/user/username", "alice"),
        row("--process-tty", "/process/terminal", "true"),
        row("--process-consolesize=80:24", "/process/consoleSize/width", "80"),
        row("--rlimits-add=RLIMIT_NPROC:100:50", "/process/rlimits/1/soft", "50"),
        row("--process-rlimits-add=nofile:4096", "/process/rlimits/0/hard", "4096"),
        row("--rlimits-remove=RLIMIT_NOFILE", "/process/rlimits/0", ""),
        row("--process-rlimits-remove=RLIMIT_NOFILE", "/process/rlimits/0", ""),
        row("--rlimits-remove-all", "/process/rlimits/0", ""),
        row("--process-rlimits-remove-all", "/process/rlimits/0", ""),
        row("--cap-add=net_admin", "/process/capabilities/effective/3", "CAP_NET_ADMIN"),
        row("--cap-drop=CAP_KILL", "/process/capabilities/bounding/1", "CAP_NET_BIND_SERVICE"),
        row("--process-cap-drop-all", "/process/capabilities/bounding/0", ""),
        row("--process-cap-add=chown", "/process/capabilities/inheritable/0", "CAP_CHOWN"),
        row("--process-cap-add=CAP_CHOWN", "/process/capabilities/ambient/0", "CAP_CHOWN"),
        row("--process-cap-drop=KILL", "/process/capabilities/bounding/1", "CAP_NET_BIND_SERVICE"),
        row("--process-cap-add-ambient=CAP_KILL", "/process/capabilities/ambient/0", "CAP_KILL"),
        row(
            "--process-cap-add-bounding=SYS_ADMIN",
            "/process/capabilities/bounding/3",
            "CAP_SYS_ADMIN"),
        row("--process-cap-add-effective=CHOWN", "/process/capabilities/effective/3", "CAP_CHOWN"),
        row(
            "--process-cap-add-inheritable=KILL",
            "/process/capabilities/inheritable/0",
            "CAP_KILL"),
        row("--process-cap-add-permitted=CHOWN", "/process/capabilities/permitted/3", "CAP_CHOWN"),
        row("--process-cap-drop-ambient=KILL", "/process/capabilities/ambient", ""),
        row(
            "--process-cap-drop-bounding=AUDIT_WRITE",
            "/process/capabilities/bounding/0",
            "CAP_KILL"),
        row(
            "--process-cap-drop-effective=AUDIT_WRITE",
            "/process/capabilities/effective/0",
            "CAP_KILL"),
        row("--process-cap-drop-inheritable=KILL", "/process/capabilities/inheritable", ""),
        row(
            "--process-cap-drop-permitted=AUDIT_WRITE",
            "/process/capabilities/permitted/0",
            "CAP_KILL"),
        row("--process-apparmor=docker-default", "/process/apparmorProfile", "docker-default"),
        row("--linux-apparmor=p", "/process/apparmorProfile", "p"),
        row(
            "--linux-selinux-label=system_u:system_r:container_t:s0",
            "/process/selinuxLabel",
            "system_u:system_r:container_t:s0"),
        row("--process-selinux-label=l", "/process/selinuxLabel", "l"),
        row("--process-oom-score-adj=-500", "/process/oomScoreAdj", "-500"),
        row("--linux-oom-score-adj=10", "/process/oomScoreAdj", "10"),
        row("--process-no-new-privileges=false", "/process/noNewPrivileges", "false"),
        row("--process-scheduler-policy=SCHED_BATCH", "/process/scheduler/policy", "SCHED_BATCH"),
        row("--process-io-priority=IOPRIO_CLASS_BE:4", "/process/ioPriority/priority", "4"),
        row("--rootfs-path=/var/rootfs", "/root/path", "/var/rootfs"),
        row("--rootfs-readonly=false", "/root/readonly", "false"),
        row(
            "--mounts-add={\"destination\":\"/data\",\"type\":\"bind\",\"source\":\"/srv\",\"options\":[\"rbind\"]}",
            "/mounts/7/source",
            "/srv"),
        row(
            "--mount={\"destination\":\"/x\",\"type\":\"tmpfs\",\"source\":\"tmpfs\"}",
            "/mounts/7/destination",
            "/x"),
        row("--mount-bind=/srv:/data:ro", "/mounts/7/options/0", "ro"),
        row("--tmpfs=/run", "/mounts/7/type", "tmpfs"),
        row("--mounts-remove=/dev/mqueue", "/mounts/4/destination", "/sys"),
        row("--mounts-remove-all", "/mounts/0", ""),
        row("--hostname=web1", "/hostname", "web1"),
        row("--domainname=example.org", "/domainname", "example.org"),
        row("--label=org.example.a=b", "/annotations/org.example.a", "b"),
        row("--annotation=k=v", "/annotations/k", "v"),
        row("--hooks-prestart-add=/usr/bin/setup:setup:-v", "/hooks/prestart/0/args/2", "-v"),
        row("--hooks-prestart=/bin/a", "/hooks/prestart/0/path", "/bin/a"),
        row(
            "--hooks-createruntime-add={\"path\":\"/bin/net\",\"timeout\":5}",
            "/hooks/createRuntime/0/timeout",
            "5"),
        row("--hooks-createcontainer-add=/bin/b", "/hooks/createContainer/0/path", "/bin/b"),
        row("--hooks-startcontainer-add=/bin/c", "/hooks/startContainer/0/path", "/bin/c"),
        row("--hooks-poststart-add=/bin/d", "/hooks/poststart/0/path", "/bin/d"),
        row("--hooks-poststart=/bin/d", "/hooks/poststart/0/path", "/bin/d"),
        row("--hooks-poststop-add=/bin/e", "/hooks/poststop/0/path", "/bin/e"),
        row("--hooks-poststop=/bin/e", "/hooks/poststop/0/path", "/bin/e"),
        row(
            "--linux-namespace-add=network:/proc/1/ns/net",
            "/linux/namespaces/1/path",
            "/proc/1/ns/net"),
        row("--linux-namespace-remove=cgroup", "/linux/namespaces/5", ""),
        row("--linux-namespace-remove-all", "/linux/namespaces/0", ""),
        row("--linux-uidmappings=1000:0:65536", "/linux/uidMappings/0/hostID", "1000"),
        row("--linux-gidmappings=1000:0:65536", "/linux/gidMappings/0/size", "65536"),
        row(
            "--linux-device-add=c:10:229:/dev/fuse:fileMode=438",
            "/linux/devices/0/fileMode",
            "438"),
        row("--linux-device-remove=/dev/fuse", "/linux/devices", ""),
        row("--linux-device-remove-all", "/linux/devices/0", ""),
        row("--linux-sysctl=net.ipv4.ip_forward=1", "/linux/sysctl/net.ipv4.ip_forward", "1"),
        row("--linux-masked-paths=/proc/x,/proc/y", "/linux/maskedPaths/11", "/proc/y"),
        row("--linux-readonly-paths=/etc", "/linux/readonlyPaths/5", "/etc"),
        row("--linux-rootfs-propagation=slave", "/linux/rootfsPropagation", "slave"),
        row("--linux-rootfs-propagation=rprivate", "/linux/rootfsPropagation", "rprivate"),
        row("--linux-cgroups-path=/ocikit/c1", "/linux/cgroupsPath", "/ocikit/c1"),
        row(
            "--linux-mount-label=system_u:object_r:container_file_t:s0",
            "/linux/mountLabel",
            "system_u:object_r:container_file_t:s0"),
        row("--linux-time-offset=monotonic:10:5", "/linux/timeOffsets/monotonic/nanosecs", "5"),
        row("--linux-mem-limit=64m", "/linux/resources/memory/limit", "67108864"),
        row("--linux-mem-swap=-1", "/linux/resources/memory/swap", "-1"),
        row("--linux-mem-reservation=1g", "/linux/resources/memory/reservation", "1073741824"),
        row("--linux-mem-swappiness=10", "/linux/resources/memory/swappiness", "10"),
        row("--linux-disable-oom-kill", "/linux/resources/memory/disableOOMKiller", "true"),
        row("--linux-cpu-shares=512", "/linux/resources/cpu/shares", "512"),
        row("--linux-cpu-quota=50000", "/linux/resources/cpu/quota", "50000"),
        row("--linux-cpu-period=100000", "/linux/resources/cpu/period", "100000"),
        row("--linux-cpu-burst=1000", "/linux/resources/cpu/burst", "1000"),
        row("--linux-cpu-idle=1", "/linux/resources/cpu/idle", "1"),
        row("--linux-realtime-runtime=950", "/linux/resources/cpu/realtimeRuntime", "950"),
        row("--linux-realtime-period=1000", "/linux/resources/cpu/realtimePeriod", "1000"),
        row("--linux-cpus=0-3,5", "/linux/resources/cpu/cpus", "0-3,5"),
        row("--linux-mems=0", "/linux/resources/cpu/mems", "0"),
        row("--linux-pids-limit=64", "/linux/resources/pids/limit", "64"),
        row("--linux-unified=memory.high=50M", "/linux/resources/unified/memory.high", "50M"),
        row(
            "--linux-hugepage-limits-add=2MB:1073741824",
            "/linux/resources/hugepageLimits/0/pageSize",
            "2MB"),
        row("--linux-blkio-weight=500", "/linux/resources/blockIO/weight", "500"),
        row("--linux-network-classid=42", "/linux/resources/network/classID", "42"),
        row("--linux-seccomp-default=errno", "/linux/seccomp/defaultAction", "SCMP_ACT_ERRNO"),
        row(
            "--linux-seccomp-default-force=SCMP_ACT_KILL",
            "/linux/seccomp/defaultAction",
            "SCMP_ACT_KILL"),
        row("--linux-seccomp-allow=read,write", "/linux/seccomp/syscalls/0/names/1", "write"),
        row("--linux-seccomp-errno=ptrace", "/linux/seccomp/syscalls/0/errnoRet", "1"),
        row("--linux-seccomp-kill=reboot", "/linux/seccomp/syscalls/0/action", "SCMP_ACT_KILL"),
        row("--linux-seccomp-trap=reboot", "/linux/seccomp/syscalls/0/action", "SCMP_ACT_TRAP"),
        row("--linux-seccomp-trace=reboot", "/linux/seccomp/syscalls/0/action", "SCMP_ACT_TRACE"),
        row("--linux-seccomp-log=reboot", "/linux/seccomp/syscalls/0/action", "SCMP_ACT_LOG"),
        row("--linux-seccomp-arch=x86,x32", "/linux/seccomp/architectures/1", "SCMP_ARCH_X32"),
        row("--linux-seccomp-remove=read", "/linux/seccomp/syscalls", ""),
        row("--linux-seccomp-remove-all", "/linux/seccomp/syscalls", ""),
        row("--privileged", "/process/capabilities/ambient/40", "CAP_CHECKPOINT_RESTORE"),
        row("--rootless", "/linux/namespaces/5/type", "user"),
        row("--os=windows", "/windows/layerFolders/0", "C:\\layers\\base"),
        row("--os=solaris", "/solaris", "{}"),
        row("--os=freebsd", "/freebsd", "{}"),
        row("--os=vm", "/vm/kernel/path", "/boot/vmlinuz"),
        row("--os=zos", "/zos/namespaces/0/type", "pid"),
        row("--host-specific", "/ociVersion", "1.3.0"));
  }

  private static Arguments row(String flag, String pointer, String expected) {
    return Arguments.of(flag, pointer, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flags")
  void flagLandsAtPointer(String flag, String pointer, String expected) {
    GenerateRun r = GenerateRun.of(flag);
    assertEquals(0, r.exit(), r.err());
    JsonNode n = r.json().at(pointer);
    String actual = n.isMissingNode() ? "" : n.isValueNode() ? n.asText() : n.toString();
    assertEquals(expected, actual, pointer + " in\n" + r.out());
  }
}
