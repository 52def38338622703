package dev.ocikit.validate.rules.linux;

import dev.ocikit.spec.runtime.RootfsPropagation;
import dev.ocikit.validate.Level;
import dev.ocikit.validate.RuleInfo;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.SpecLinks;
import java.util.stream.Collectors;

/**
 * config-linux.md rootfs mount propagation: "Its value is either shared, slave, private or
 * unbindable." The sentence has no RFC 2119 keyword, and runc and crun also accept the recursive
 * forms that containerd, CRI-O and Podman write ({@code rslave}, {@code rshared}), so this is a
 * SHOULD and never fails a run at the default level.
 */
public final class RootfsPropagationValue implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.rootfs-propagation.value",
          Level.SHOULD,
          "rootfsPropagation is one of the values the spec lists: shared, slave, private, unbindable.",
          SpecLinks.configLinux("rootfs-mount-propagation"),
          "linux");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    RootfsPropagation value =
        ctx.config().linux() == null ? null : ctx.config().linux().rootfsPropagation();
    if (value == null || value.isKnown()) {
      return;
    }
    String known =
        RootfsPropagation.knownValues().stream()
            .map(RootfsPropagation::value)
            .collect(Collectors.joining(", "));
    String hint =
        value.value().startsWith("r") && RootfsPropagation.of(value.value().substring(1)).isKnown()
            ? "; runc and crun accept this recursive form, other runtimes may not"
            : "";
    ctx.report(
        INFO,
        "/linux/rootfsPropagation",
        "linux.rootfsPropagation=\"" + value.value() + "\" is not one of " + known + hint);
  }
}
