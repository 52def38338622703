package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config-linux.md mountLabel and config.md selinuxLabel name SELinux contexts without giving a
 * form; SELinux does: user:role:type, then an optional MLS level (which may itself hold colons, as
 * in s0:c1,c2). An empty label means "none" and passes. Advice.
 */
public final class SelinuxLabelForm implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.selinux.label-form",
          Level.ADVICE,
          "process.selinuxLabel and linux.mountLabel are SELinux contexts user:role:type[:level].",
          SpecLinks.configLinux("mount-label"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    if (ctx.config().process() != null) {
      check(
          ctx,
          "/process/selinuxLabel",
          "process.selinuxLabel",
          ctx.config().process().selinuxLabel());
    }
    if (ctx.config().linux() != null) {
      check(ctx, "/linux/mountLabel", "linux.mountLabel", ctx.config().linux().mountLabel());
    }
  }

  private static void check(ConfigContext ctx, String pointer, String field, String label) {
    if (label == null || label.isEmpty()) {
      return;
    }
    String[] parts = label.split(":", 4);
    boolean ok = parts.length >= 3;
    for (int i = 0; ok && i < parts.length; i++) {
      ok = !parts[i].isEmpty() && parts[i].chars().noneMatch(Character::isWhitespace);
    }
    if (!ok) {
      ctx.report(
          INFO,
          pointer,
          "advice: "
              + field
              + "=\""
              + label
              + "\" is not an SELinux context of the form user:role:type[:level]");
    }
  }
}
