package dev.ocikit.validate.rules;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;

/** Rules about the bundle as a directory, checked before config.json can be read. */
public final class BundleRules {
  /** bundle.md: config.json at the root of the bundle. */
  public static final RuleInfo CONFIG_PRESENT =
      new RuleInfo(
          "bundle.config.present",
          Level.MUST,
          "The bundle directory holds config.json at its root.",
          "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/bundle.md"
              + "#container-format",
          Platform.ALL);

  private BundleRules() {}
}
