package dev.ocikit.conformance.driver;

import java.util.regex.Pattern;

/**
 * The id prefix of one run against one runtime. Every container id of the run starts with it, so
 * its cgroups and the runtime's own processes (a {@code runc init} names its state dir, a {@code
 * crun} its id) carry it; every runtime call also gets it in its environment ({@link #ENV}), which
 * the runtime's children inherit. That is how leftovers of the run are told from everything else on
 * the host.
 */
public final class RunMark {
  /** Environment variable set on every runtime call to the run's prefix. */
  public static final String ENV = "OCIKIT_CONFORMANCE_RUN";

  private final String prefix;
  private final Pattern inText;

  /** A mark for ids starting {@code prefix + "-"}. */
  public RunMark(String prefix) {
    this.prefix = prefix;
    // Not followed by a letter or digit, so that run "...-r1" never claims run "...-r10".
    this.inText = Pattern.compile(Pattern.quote(prefix) + "(?![A-Za-z0-9])");
  }

  public String prefix() {
    return prefix;
  }

  /** Whether {@code arg} is a container id of this run. */
  public boolean isContainerId(String arg) {
    return arg.startsWith(prefix + "-");
  }

  /** Whether {@code text} (an environment, a command line, a cgroup path) names this run. */
  public boolean foundIn(CharSequence text) {
    return inText.matcher(text).find();
  }

  @Override
  public String toString() {
    return prefix;
  }
}
