package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.Set;

/** System V IPC and POSIX message queue sysctls are per IPC namespace. */
public final class IpcSysctlNeedsIpcNamespace implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.ipc-namespace.sysctl",
          Level.ADVICE,
          "IPC sysctls (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*) are only set when"
              + " linux.namespaces has an ipc namespace.",
          SpecLinks.configLinux("sysctl"),
          Platform.LINUX);

  private static final Set<String> IPC_KEYS =
      Set.of(
          "kernel.msgmax",
          "kernel.msgmnb",
          "kernel.msgmni",
          "kernel.sem",
          "kernel.shmall",
          "kernel.shmmax",
          "kernel.shmmni",
          "kernel.shm_rmid_forced");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    SysctlNamespaces.check(
        ctx, INFO, NamespaceType.IPC, k -> IPC_KEYS.contains(k) || k.startsWith("fs.mqueue."));
  }
}
