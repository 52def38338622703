package dev.ocikit.cli.generate;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.ProcessSettings;
import dev.ocikit.spec.runtime.IOPriorityClass;
import dev.ocikit.spec.runtime.SchedulerPolicy;
import picocli.CommandLine.Option;

/** Options for the process's confinement and scheduling. */
final class SecurityOptions {
  @Option(
      names = {"--process-apparmor", "--linux-apparmor"},
      paramLabel = "PROFILE",
      description = "AppArmor profile.")
  String apparmor;

  @Option(
      names = {"--linux-selinux-label", "--process-selinux-label"},
      paramLabel = "LABEL",
      description = "SELinux label of the process.")
  String selinuxLabel;

  @Option(
      names = {"--process-oom-score-adj", "--linux-oom-score-adj"},
      paramLabel = "N",
      description = "oom_score_adj, -1000 to 1000.")
  Integer oomScoreAdj;

  @Option(
      names = "--process-no-new-privileges",
      arity = "0..1",
      paramLabel = "BOOL",
      description = "Set the no_new_privs bit (true when given without a value).")
  Boolean noNewPrivileges;

  @Option(
      names = "--process-scheduler-policy",
      paramLabel = "POLICY",
      description = "Scheduling policy, e.g. SCHED_BATCH, SCHED_FIFO.")
  String schedPolicy;

  @Option(names = "--process-scheduler-nice", paramLabel = "N", description = "Nice value.")
  Integer schedNice;

  @Option(
      names = "--process-scheduler-priority",
      paramLabel = "N",
      description = "Static priority (SCHED_FIFO, SCHED_RR).")
  Integer schedPriority;

  @Option(
      names = "--process-io-priority",
      paramLabel = "CLASS:N",
      description = "I/O priority, e.g. IOPRIO_CLASS_BE:4.")
  String ioPriority;

  void applyTo(ConfigGenerator g) {
    ProcessSettings p = g.process();
    if (apparmor != null) {
      p.apparmorProfile(apparmor);
    }
    if (selinuxLabel != null) {
      p.selinuxLabel(selinuxLabel);
    }
    if (oomScoreAdj != null) {
      p.oomScoreAdj(oomScoreAdj);
    }
    if (noNewPrivileges != null) {
      p.noNewPrivileges(noNewPrivileges);
    }
    if (schedPolicy != null) {
      p.scheduler(SchedulerPolicy.of(schedPolicy), schedNice, schedPriority);
    }
    if (ioPriority != null) {
      String[] cp = ioPriority.split(":");
      p.ioPriority(IOPriorityClass.of(cp[0]), Integer.parseInt(cp[1]));
    }
  }

  String problem() {
    if (oomScoreAdj != null && (oomScoreAdj < -1000 || oomScoreAdj > 1000)) {
      return "--process-oom-score-adj: expected -1000 to 1000 but got " + oomScoreAdj;
    }
    if (schedPolicy != null && !SchedulerPolicy.of(schedPolicy).isKnown()) {
      return "--process-scheduler-policy: expected one of "
          + SchedulerPolicy.knownValues()
          + " but got '"
          + schedPolicy
          + "'";
    }
    if ((schedNice != null || schedPriority != null) && schedPolicy == null) {
      return "--process-scheduler-nice/--process-scheduler-priority need --process-scheduler-policy";
    }
    if (ioPriority != null) {
      String[] cp = ioPriority.split(":");
      if (cp.length != 2 || !IOPriorityClass.of(cp[0]).isKnown() || !cp[1].matches("[0-7]")) {
        return "--process-io-priority: expected CLASS:N with CLASS one of "
            + IOPriorityClass.knownValues()
            + " and N 0 to 7 but got '"
            + ioPriority
            + "'";
      }
    }
    return null;
  }
}
