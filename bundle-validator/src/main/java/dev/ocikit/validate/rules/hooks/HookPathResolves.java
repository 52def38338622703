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
 * config.md POSIX-platform hooks: for prestart, createRuntime, createContainer, poststart and
 * poststop, "The value of path MUST resolve in the runtime namespace." Checked on this host.
 */
public final class HookPathResolves extends HostRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "host.hooks.path.resolves",
          Level.MUST,
          "Every hook path that resolves in the runtime namespace names an existing file on this"
              + " host.",
          SpecLinks.config("posix-platform-hooks"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(ConfigContext ctx, Host host) {
    HookFiles.check(ctx, host, INFO, FileKind.MISSING, "does not exist on this host");
  }
}
