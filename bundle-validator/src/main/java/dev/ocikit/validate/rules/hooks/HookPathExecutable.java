package dev.ocikit.validate.rules.hooks;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.validate.host.Host;
import dev.ocikit.validate.host.Host.FileKind;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.HostRule;

/**
 * No spec sentence says a hook must be executable, but the runtime execs it: a directory or a file
 * without execute permission fails the hook (and with it create or start).
 */
public final class HookPathExecutable extends HostRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "host.hooks.path.executable",
          Level.ADVICE,
          "Every hook path in the runtime namespace is an executable file on this host.",
          SpecLinks.config("posix-platform-hooks"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(ConfigContext ctx, Host host) {
    HookFiles.check(
        ctx,
        host,
        INFO,
        FileKind.NOT_EXECUTABLE,
        "is not an executable file on this host; exec will fail");
  }
}
