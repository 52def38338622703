package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Seccomp;
import dev.ocikit.spec.runtime.SeccompSyscall;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config-linux.md seccomp syscalls names: "the names of the syscalls. names MUST contain at least
 * one entry." An empty list is the schema's (minItems 1). An empty or blank name names no syscall,
 * but no sentence forbids it and runc skips names libseccomp does not know, so this is advice.
 */
public final class SeccompSyscallNames implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.seccomp.syscall-names",
          Level.ADVICE,
          "Every seccomp syscall name is a non-empty string.",
          SpecLinks.configLinux("seccomp"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Seccomp s = ctx.config().linux() == null ? null : ctx.config().linux().seccomp();
    if (s == null || s.syscalls() == null) {
      return;
    }
    for (int i = 0; i < s.syscalls().size(); i++) {
      SeccompSyscall sc = s.syscalls().get(i);
      if (sc == null || sc.names() == null) {
        continue;
      }
      for (int j = 0; j < sc.names().size(); j++) {
        String name = sc.names().get(j);
        if (name != null && name.isBlank()) {
          ctx.report(
              INFO,
              "/linux/seccomp/syscalls/" + i + "/names/" + j,
              "advice: linux.seccomp.syscalls["
                  + i
                  + "].names["
                  + j
                  + "] is empty and names no syscall; runtimes skip it");
        }
      }
    }
  }
}
