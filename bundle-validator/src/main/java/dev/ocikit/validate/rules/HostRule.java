package dev.ocikit.validate.rules;

import dev.ocikit.validate.host.Host;

/**
 * A rule that checks the config against the machine (kernel, cgroups, files) and runs only with
 * {@code --host-specific}. What the host cannot tell is skipped, never guessed.
 */
public abstract class HostRule implements ConfigRule {
  @Override
  public final void check(ConfigContext ctx) {
    if (ctx.options().hostSpecific()) {
      check(ctx, ctx.host());
    }
  }

  /** Checks {@code ctx} against {@code host}. */
  protected abstract void check(ConfigContext ctx, Host host);
}
