package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Seccomp;
import dev.ocikit.spec.runtime.SeccompAction;
import dev.ocikit.spec.runtime.SeccompSyscall;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config-linux.md seccomp listenerPath: the UNIX socket the runtime sends the container process
 * state to "when the SCMP_ACT_NOTIFY action is used". No sentence requires it with SCMP_ACT_NOTIFY
 * (the MUSTs are about sending over it), but without it nobody receives the notifications and runc
 * refuses the config, so this is advice.
 */
public final class SeccompListenerPath implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.seccomp.listener-path",
          Level.ADVICE,
          "A seccomp profile using SCMP_ACT_NOTIFY sets listenerPath.",
          SpecLinks.configLinux("seccomp"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Seccomp s = ctx.config().linux() == null ? null : ctx.config().linux().seccomp();
    if (s == null || s.syscalls() == null || s.listenerPath() != null) {
      return;
    }
    if (s.otherProperties().containsKey("listenerPath")) {
      return; // present but not a string: the schema reports it
    }
    for (int i = 0; i < s.syscalls().size(); i++) {
      SeccompSyscall sc = s.syscalls().get(i);
      if (sc != null && SeccompAction.SCMP_ACT_NOTIFY.equals(sc.action())) {
        ctx.report(
            INFO,
            "/linux/seccomp/syscalls/" + i + "/action",
            "advice: linux.seccomp.syscalls["
                + i
                + "].action=SCMP_ACT_NOTIFY but linux.seccomp.listenerPath is not set;"
                + " no agent would receive the notifications");
        return;
      }
    }
  }
}
