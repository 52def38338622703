package dev.ocikit.cli.generate;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.SeccompSettings;
import dev.ocikit.spec.runtime.SeccompAction;
import dev.ocikit.spec.runtime.SeccompArch;
import dev.ocikit.spec.runtime.SeccompFlag;
import dev.ocikit.spec.runtime.SeccompSyscall;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code linux.seccomp}; syscall lists are comma-separated. */
final class SeccompOptions {
  @Option(
      names = "--linux-seccomp-default",
      paramLabel = "ACTION",
      converter = SpecConverters.SeccompActionConverter.class,
      description = "Default action; drops rules with the same action.")
  SeccompAction defaultAction;

  @Option(
      names = "--linux-seccomp-default-force",
      paramLabel = "ACTION",
      converter = SpecConverters.SeccompActionConverter.class,
      description = "Default action, keeping every rule.")
  SeccompAction defaultForce;

  @Option(names = "--linux-seccomp-allow", paramLabel = "SYSCALLS", split = ",")
  List<String> allow = new ArrayList<>();

  @Option(names = "--linux-seccomp-errno", paramLabel = "SYSCALLS", split = ",")
  List<String> errno = new ArrayList<>();

  @Option(names = "--linux-seccomp-kill", paramLabel = "SYSCALLS", split = ",")
  List<String> kill = new ArrayList<>();

  @Option(names = "--linux-seccomp-trap", paramLabel = "SYSCALLS", split = ",")
  List<String> trap = new ArrayList<>();

  @Option(names = "--linux-seccomp-trace", paramLabel = "SYSCALLS", split = ",")
  List<String> trace = new ArrayList<>();

  @Option(names = "--linux-seccomp-log", paramLabel = "SYSCALLS", split = ",")
  List<String> log = new ArrayList<>();

  @Option(
      names = "--linux-seccomp-errno-ret",
      paramLabel = "ERRNO",
      description = "errno for --linux-seccomp-errno (default 1, EPERM).")
  long errnoRet = 1;

  @Option(
      names = "--linux-seccomp-remove",
      paramLabel = "SYSCALLS",
      split = ",",
      description = "Remove syscalls from every rule.")
  List<String> remove = new ArrayList<>();

  @Option(names = "--linux-seccomp-remove-all", description = "Remove every rule first.")
  boolean removeAll;

  @Option(
      names = "--linux-seccomp-arch",
      paramLabel = "ARCH",
      split = ",",
      converter = SpecConverters.SeccompArchConverter.class,
      description = "Additional architectures, e.g. x86,x32.")
  List<SeccompArch> arches = new ArrayList<>();

  @Option(
      names = "--linux-seccomp-syscalls",
      paramLabel = "RULE",
      converter = LinuxConverters.SeccompRuleConverter.class,
      description = {
        "A rule with argument conditions: NAMES:ACTION[:ERRNO][:INDEX,OP,VALUE[,VALUE2]]...",
        "(e.g. personality:allow:0,EQ,0) or a JSON syscall rule."
      })
  List<SeccompSyscall> syscalls = new ArrayList<>();

  @Option(
      names = "--linux-seccomp-default-errno",
      paramLabel = "ERRNO",
      description = "defaultErrnoRet (needs default action errno or trace).")
  Long defaultErrno;

  @Option(
      names = "--linux-seccomp-flags",
      paramLabel = "FLAG",
      split = ",",
      converter = LinuxConverters.SeccompFlagConverter.class,
      description = "Filter flags, e.g. SECCOMP_FILTER_FLAG_LOG or log.")
  List<SeccompFlag> flags = new ArrayList<>();

  @Option(
      names = "--linux-seccomp-listener-path",
      paramLabel = "PATH",
      description = "UNIX socket that SCMP_ACT_NOTIFY rules report to.")
  String listenerPath;

  @Option(
      names = "--linux-seccomp-listener-metadata",
      paramLabel = "TEXT",
      description = "Opaque data passed to the listener.")
  String listenerMetadata;

  @Option(
      names = "--linux-seccomp-only",
      description = "Write only the linux.seccomp object (a seccomp profile).")
  boolean only;

  void applyTo(ConfigGenerator g) {
    SeccompSettings s = g.seccomp();
    if (removeAll) {
      s.clearRules();
    }
    if (!remove.isEmpty()) {
      s.removeSyscalls(remove.toArray(String[]::new));
    }
    rule(s, SeccompAction.SCMP_ACT_ALLOW, allow);
    rule(s, SeccompAction.SCMP_ACT_KILL, kill);
    rule(s, SeccompAction.SCMP_ACT_TRAP, trap);
    rule(s, SeccompAction.SCMP_ACT_TRACE, trace);
    rule(s, SeccompAction.SCMP_ACT_LOG, log);
    if (!errno.isEmpty()) {
      s.errnoRule(errnoRet, errno.toArray(String[]::new));
    }
    syscalls.forEach(s::rule);
    if (defaultForce != null) {
      s.defaultActionKeepingRules(defaultForce);
    }
    if (defaultAction != null) {
      s.defaultAction(defaultAction);
    }
    if (defaultErrno != null) {
      try {
        s.defaultErrno(defaultErrno);
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException("--linux-seccomp-default-errno: " + e.getMessage(), e);
      }
    }
    arches.forEach(s::architecture);
    flags.forEach(s::flag);
    if (listenerPath != null) {
      s.listenerPath(listenerPath);
    }
    if (listenerMetadata != null) {
      try {
        s.listenerMetadata(listenerMetadata);
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException(
            "--linux-seccomp-listener-metadata: "
                + e.getMessage()
                + " (--linux-seccomp-listener-path)",
            e);
      }
    }
  }

  private static void rule(SeccompSettings s, SeccompAction action, List<String> names) {
    if (!names.isEmpty()) {
      s.rule(action, names.toArray(String[]::new));
    }
  }

  String problem() {
    for (List<String> l : List.of(allow, errno, kill, trap, trace, log, remove)) {
      for (String n : l) {
        if (!n.matches("[a-z0-9_]+")) {
          return "--linux-seccomp-*: expected comma-separated syscall names but got '" + n + "'";
        }
      }
    }
    if (defaultErrno != null && (defaultErrno < 0 || defaultErrno > 0xFFFFFFFFL)) {
      return "--linux-seccomp-default-errno: expected 0 to 4294967295 but got " + defaultErrno;
    }
    return null;
  }
}
