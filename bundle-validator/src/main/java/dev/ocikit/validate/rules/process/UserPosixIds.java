package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.User;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.PathForms;
import java.util.ArrayList;
import java.util.List;

/**
 * config.md POSIX-platform user: "uid (int, REQUIRED)", "gid (int, REQUIRED)". The schema cannot
 * require them because Windows shares the user object (with only username).
 */
public final class UserPosixIds implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.user.posix-ids",
          Level.MUST,
          "On POSIX platforms process.user has both uid and gid.",
          SpecLinks.config("posix-platform-user"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    User u = ctx.config().process() == null ? null : ctx.config().process().user();
    if (u == null || !PathForms.isPosix(ctx.platform())) {
      return;
    }
    List<String> missing = new ArrayList<>();
    if (u.uid() == null && !u.otherProperties().containsKey("uid")) {
      missing.add("uid");
    }
    if (u.gid() == null && !u.otherProperties().containsKey("gid")) {
      missing.add("gid");
    }
    if (!missing.isEmpty()) {
      ctx.report(
          INFO,
          "/process/user",
          "process.user has no "
              + String.join(" and no ", missing)
              + ", which "
              + ctx.platform()
              + " configs require");
    }
  }
}
