package dev.ocikit.conformance.driver;

import java.util.List;

/**
 * What one runtime invocation did: its command line, exit code and captured output.
 *
 * @param command the full command line, runtime path first
 * @param exitCode the exit code, or -1 when the call timed out
 * @param stdout everything the call wrote to stdout
 * @param stderr everything the call wrote to stderr
 * @param timedOut whether the call was killed for exceeding its timeout
 * @param millis wall time of the call
 */
public record CallResult(
    List<String> command,
    int exitCode,
    String stdout,
    String stderr,
    boolean timedOut,
    long millis) {

  /** True when the call finished in time with exit code 0. */
  public boolean ok() {
    return !timedOut && exitCode == 0;
  }

  /** One line for failure messages: the command, exit code and first stderr line. */
  public String describe() {
    String args = String.join(" ", command.subList(1, command.size()));
    if (timedOut) {
      return "`" + args + "` timed out after " + millis + " ms";
    }
    String err = stderr.strip();
    int nl = err.indexOf('\n');
    if (nl > 0) {
      err = err.substring(0, nl);
    }
    return "`" + args + "` exited " + exitCode + (err.isEmpty() ? "" : " (" + err + ")");
  }
}
