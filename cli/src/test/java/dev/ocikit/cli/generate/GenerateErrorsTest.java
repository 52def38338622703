package dev.ocikit.cli.generate;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid values fail fast: exit 2, nothing on stdout, a message naming the flag and form. */
class GenerateErrorsTest {
  static Stream<Arguments> invalid() {
    return Stream.of(
        row("--linux-uidmappings=1000:0", "--linux-uidmappings", "HOST:CONTAINER:SIZE"),
        row("--linux-gidmappings=a:b:c", "--linux-gidmappings", "HOST:CONTAINER:SIZE"),
        row("--rlimits-add=RLIMIT_NOFILE", "rlimits-add", "TYPE:HARD[:SOFT]"),
        row("--rlimits-add=nofile:10:20", "rlimits-add", "SOFT <= HARD"),
        row("--cap-add=CAP_FLY", "--cap-add", "Linux capability"),
        row("--process-cap-add-bounding=x", "--process-cap-add-bounding", "Linux capability"),
        row("--linux-namespace-add=pidx", "--linux-namespace-add", "TYPE[:/ABSOLUTE/PATH]"),
        row("--linux-namespace-add=net:rel", "--linux-namespace-add", "TYPE[:/ABSOLUTE/PATH]"),
        row("--linux-namespace-remove=foo", "--linux-namespace-remove", "one of"),
        row("--linux-device-add=z:1:2:/dev/x", "--linux-device-add", "TYPE:MAJOR:MINOR"),
        row("--linux-sysctl=novalue", "--linux-sysctl", "KEY=VALUE"),
        row("--env==x", "--env", "KEY=VALUE"),
        row("--linux-mem-limit=lots", "--linux-mem-limit", "BYTES"),
        row("--linux-cpu-shares=many", "--linux-cpu-shares", "many"),
        row("--linux-rootfs-propagation=rfoo", "--linux-rootfs-propagation", "rshared, rslave"),
        row("--linux-seccomp-default=maybe", "--linux-seccomp-default", "seccomp action"),
        row("--linux-seccomp-arch=vax", "--linux-seccomp-arch", "seccomp architecture"),
        row("--linux-seccomp-allow=Read!", "--linux-seccomp-*", "syscall names"),
        row("--hooks-poststop-add=relative", "--hooks-poststop-add", "/ABSOLUTE/PATH"),
        row("--mounts-add=[1]", "--mounts-add", "JSON mount object"),
        row("--mount-bind=/only", "--mount-bind", "SRC:/DEST"),
        row("--tmpfs=run", "--tmpfs", "/DEST"),
        row("--cwd=relative", "--cwd", "absolute path"),
        row("--process-umask=999", "--process-umask", "octal"),
        row("--process-consolesize=80x24", "--process-consolesize", "WIDTH:HEIGHT"),
        row("--process-oom-score-adj=5000", "--process-oom-score-adj", "-1000 to 1000"),
        row("--process-scheduler-policy=SCHED_X", "--process-scheduler-policy", "one of"),
        row("--process-io-priority=BE", "--process-io-priority", "CLASS:N"),
        row("--linux-time-offset=realtime:1", "--linux-time-offset", "monotonic or boottime"),
        row("--linux-masked-paths=proc", "--linux-masked-paths", "absolute path"),
        row("--linux-readonly-paths=proc", "--linux-readonly-paths", "absolute path"),
        row("--linux-mem-swappiness=101", "--linux-mem-swappiness", "0 to 100"),
        row("--linux-cpu-idle=2", "--linux-cpu-idle", "0 or 1"),
        row("--linux-cpus=a-b", "--linux-cpus", "0-3,5"),
        row("--linux-mems=x", "--linux-mems", "0-1"),
        row("--linux-hugepage-limits-add=2MB", "--linux-hugepage-limits-add", "SIZE:BYTES"),
        row("--linux-blkio-weight=5", "--linux-blkio-weight", "10 to 1000"),
        row("--os=plan9", "--os", "linux, windows"),
        row("--arch=vax", "--arch", "amd64"),
        row("--no-such-flag", "--no-such-flag", "Unknown option"),
        // Ids and numbers are ASCII digits: fullwidth or Arabic-Indic ones are no number.
        row("--uid=\uff11\uff10\uff10\uff10", "--process-uid", "ASCII digits"),
        row("--additional-gids=\u0661", "--additional-gids", "ASCII digits"),
        row("--linux-uidmappings=\uff11:0:1", "--linux-uidmappings", "HOST:CONTAINER:SIZE"),
        row("--linux-device-add=c:1:3:/dev/x:uid=\u0661", "--linux-device-add", "uid=N"));
  }

  private static Arguments row(String arg, String flag, String form) {
    return Arguments.of(arg, flag, form);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void failsWithExit2NamingTheFlag(String arg, String flag, String form) {
    GenerateRun.assertRefused(arg, flag, form);
  }
}
