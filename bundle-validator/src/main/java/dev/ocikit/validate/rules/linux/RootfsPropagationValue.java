package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.RootfsPropagation;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.stream.Collectors;

/**
 * config-linux.md rootfs mount propagation: the value is one of four listed values. The list is
 * closed (the spec's own schema makes it an enum), so another value is a MUST-level finding. It is
 * a rule rather than a schema enum so that the message can say what runc and crun do with the
 * recursive forms ({@code rshared}, {@code rslave}, {@code rprivate}, {@code runbindable}) that
 * containerd, CRI-O and Podman write: they accept them, but the spec does not list them and a
 * runtime that follows the spec may refuse them.
 */
public final class RootfsPropagationValue implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.rootfs-propagation.value",
          Level.MUST,
          "rootfsPropagation is one of the values the spec lists: shared, slave, private, unbindable.",
          SpecLinks.configLinux("rootfs-mount-propagation"),
          Platform.LINUX);

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
    String v = value.value();
    boolean recursive = v.startsWith("r") && RootfsPropagation.of(v.substring(1)).isKnown();
    String hint =
        recursive
            ? "; runc and crun accept this recursive form of \""
                + v.substring(1)
                + "\", but the spec does not list it and a runtime that follows the spec may"
                + " refuse it"
            : "";
    ctx.report(
        INFO,
        "/linux/rootfsPropagation",
        "linux.rootfsPropagation=\""
            + v
            + "\" is not one of the values the spec lists ("
            + known
            + ")"
            + hint);
  }
}
