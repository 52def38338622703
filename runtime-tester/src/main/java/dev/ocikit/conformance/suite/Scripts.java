package dev.ocikit.conformance.suite;

/** Container and hook shell snippets shared by tests, kept in one place so they stay tiny. */
final class Scripts {
  private Scripts() {}

  /**
   * Blocks until killed. A trap makes TERM and USR1 observable; without one, the pid-1 process of a
   * pid namespace would silently ignore TERM. {@code $MARK} is set by the test via env.
   */
  static final String SLEEPER =
      "trap 'echo USR1 >> $MARK/signals' USR1;"
          + " trap 'echo TERM >> $MARK/signals; exit 0' TERM;"
          + " echo ran > $MARK/ran; while true; do sleep 0.05; done";

  /** Writes a marker and exits at once. */
  static final String QUICK = "echo ran > $MARK/ran";

  /** Host-side hook body: append its name to the log and keep the state JSON it got on stdin. */
  static String hook(String logDir, String name) {
    return "cat > "
        + logDir
        + "/state-"
        + name
        + ".json; echo "
        + name
        + " >> "
        + logDir
        + "/hooks.log";
  }
}
