package dev.ocikit.cli.generate;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.SeccompSettings;
import dev.ocikit.spec.runtime.SeccompAction;
import dev.ocikit.spec.runtime.SeccompArch;
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
    if (defaultForce != null) {
      s.defaultActionKeepingRules(defaultForce);
    }
    if (defaultAction != null) {
      s.defaultAction(defaultAction);
    }
    arches.forEach(s::architecture);
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
    return null;
  }
}
