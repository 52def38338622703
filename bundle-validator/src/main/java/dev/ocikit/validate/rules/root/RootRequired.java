package dev.ocikit.validate.rules.root;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config.md root: "On Windows, for Windows Server Containers, this field is REQUIRED. For Hyper-V
 * Containers, this field MUST NOT be set. On all other platforms, this field is REQUIRED."
 *
 * <p>On Windows a config that carries windows.layerFolders passes too: Windows runtimes (hcsshim)
 * assemble the root from the layer folders and fill root.path in only once the volume is mounted,
 * so configs generated ahead of that (containerd, {@code oci-tool generate}) have no root yet.
 */
public final class RootRequired implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "root.required",
          Level.MUST,
          "root is present, except for Windows Hyper-V containers and Windows configs whose root comes"
              + " from windows.layerFolders.",
          SpecLinks.config("root"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    RuntimeConfig c = ctx.config();
    if (c.root() != null || c.otherProperties().containsKey("root")) {
      return;
    }
    boolean hyperV =
        c.windows() != null
            && (c.windows().hyperv() != null
                || c.windows().otherProperties().containsKey("hyperv"));
    boolean layerFolders = c.windows() != null && c.windows().layerFolders() != null;
    if (!hyperV && !layerFolders) {
      ctx.report(
          INFO,
          "",
          "root is missing; it is required on "
              + ctx.platform()
              + (ctx.platform().equals("windows")
                  ? " unless windows.hyperv or windows.layerFolders is set"
                  : ""));
    }
  }
}
