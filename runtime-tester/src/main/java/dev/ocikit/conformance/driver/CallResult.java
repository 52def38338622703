package dev.ocikit.conformance.driver;

import dev.ocikit.spec.UntrustedText;
import java.util.List;

/**
 * What one runtime invocation did: its command line, exit code and captured output.
 *
 * @param command the full command line, runtime path first
 * @param exitCode the exit code, or -1 when the call was stopped
 * @param stdout what the call wrote to stdout, at most the call's output limit
 * @param stderr what the call wrote to stderr, at most the call's output limit
 * @param stopped null when the call ran to its end; otherwise why the harness stopped it ("timed
 *     out after 10000 ms", "wrote more than 4194304 bytes to stdout"), its process tree killed
 * @param millis wall time of the call
 */
public record CallResult(
    List<String> command, int exitCode, String stdout, String stderr, String stopped, long millis) {
  /** Longest excerpt of runtime output put into a message. */
  static final int EXCERPT = 200;

  /** True when the call ran to its end with exit code 0. */
  public boolean ok() {
    return stopped == null && exitCode == 0;
  }

  /** True when the harness stopped the call (timeout or output limit). */
  public boolean wasStopped() {
    return stopped != null;
  }

  /**
   * True when the runtime ran to its end and reported an error (non-zero exit): what a test that
   * expects an error accepts. A stopped call is no such answer.
   */
  public boolean refused() {
    return stopped == null && exitCode != 0;
  }

  /** The arguments quoted for messages, e.g. {@code `state ocikit-ct-1`}. */
  public String call() {
    return "`" + String.join(" ", command.subList(1, command.size())) + "`";
  }

  /** One line for failure messages: the command, exit code and first stderr line. */
  public String describe() {
    if (stopped != null) {
      return call() + " " + stopped + "; stopped";
    }
    String err = excerpt(stderr);
    return call() + " exited " + exitCode + (err.isEmpty() ? "" : " (" + err + ")");
  }

  /**
   * The first line of untrusted runtime output, at most {@value #EXCERPT} characters, control
   * characters replaced by '?', so it fits one line of any report.
   */
  public static String excerpt(String unsafeOutput) {
    // runc logs warnings (e.g. "unable to get oom kill count" without a memory cgroup) before the
    // error that made the call fail; the error is the line a reader needs.
    String rest = unsafeOutput;
    while (rest.contains("\n") && rest.strip().startsWith("time=") && firstLineWarns(rest)) {
      rest = rest.substring(rest.indexOf('\n') + 1);
    }
    return UntrustedText.firstLine(rest.isBlank() ? unsafeOutput : rest, EXCERPT);
  }

  private static boolean firstLineWarns(String s) {
    String first = s.strip();
    int nl = first.indexOf('\n');
    return (nl < 0 ? first : first.substring(0, nl)).contains(" level=warning ");
  }
}
