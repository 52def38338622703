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
 * config-linux.md seccomp errnoRet and defaultErrnoRet: "Some actions like SCMP_ACT_ERRNO and
 * SCMP_ACT_TRACE allow to specify the errno code to return. When the action doesn't support an
 * errno, the runtime MUST print and error and fail."
 */
public final class SeccompErrnoRet implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.seccomp.errno-ret",
          Level.MUST,
          "errnoRet and defaultErrnoRet are only set with SCMP_ACT_ERRNO or SCMP_ACT_TRACE.",
          SpecLinks.configLinux("seccomp"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Seccomp s = ctx.config().linux() == null ? null : ctx.config().linux().seccomp();
    if (s == null) {
      return;
    }
    if (s.defaultErrnoRet() != null
        && s.defaultAction() != null
        && !takesErrno(s.defaultAction())) {
      ctx.report(
          INFO,
          "/linux/seccomp/defaultErrnoRet",
          "linux.seccomp.defaultErrnoRet="
              + s.defaultErrnoRet()
              + " but linux.seccomp.defaultAction="
              + s.defaultAction().value()
              + " takes no errno");
    }
    if (s.syscalls() == null) {
      return;
    }
    for (int i = 0; i < s.syscalls().size(); i++) {
      SeccompSyscall sc = s.syscalls().get(i);
      if (sc != null && sc.errnoRet() != null && sc.action() != null && !takesErrno(sc.action())) {
        ctx.report(
            INFO,
            "/linux/seccomp/syscalls/" + i + "/errnoRet",
            "linux.seccomp.syscalls["
                + i
                + "].errnoRet="
                + sc.errnoRet()
                + " but its action "
                + sc.action().value()
                + " takes no errno");
      }
    }
  }

  private static boolean takesErrno(SeccompAction a) {
    return a.equals(SeccompAction.SCMP_ACT_ERRNO) || a.equals(SeccompAction.SCMP_ACT_TRACE);
  }
}
