package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.User;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.PathForms;

/**
 * No spec sentence beyond "umask (int, OPTIONAL) is the umask of the user": umask(2) keeps only the
 * permission bits (0 to 0777), so larger values are silently cut.
 */
public final class UmaskRange implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.user.umask.range",
          Level.ADVICE,
          "process.user.umask is between 0 and 0777 (511): umask(2) ignores other bits.",
          SpecLinks.config("posix-platform-user"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    if (ctx.config().process() == null || !PathForms.isPosix(ctx.platform())) {
      return;
    }
    User u = ctx.config().process().user();
    if (u != null && u.umask() != null && (u.umask() < 0 || u.umask() > 0777)) {
      ctx.report(
          INFO,
          "/process/user/umask",
          "advice: process.user.umask="
              + u.umask()
              + " (octal "
              + Long.toOctalString(u.umask())
              + ") has bits outside 0777; umask(2) drops them");
    }
  }
}
