package dev.ocikit.conformance;

import java.util.List;

/**
 * What a report says about one runtime of the run: how it was called, what it said its version is,
 * which runtime-spec version the run targeted and why, and what the harness changed about the host
 * for it.
 *
 * @param name the runtime's name in the report
 * @param command executable and global options
 * @param version the first line of its {@code --version}, or why there is none
 * @param ociVersion the runtime-spec version targeted: bundles declare it, newer tests skip
 * @param ociVersionSource where {@link #ociVersion} came from, e.g. {@code features ociVersionMax
 *     1.0.2-dev}
 * @param adaptations host adaptations the harness applied to every call of this runtime, one
 *     sentence each (empty when none)
 */
public record RuntimeInfo(
    String name,
    List<String> command,
    String version,
    String ociVersion,
    String ociVersionSource,
    List<String> adaptations) {
  public RuntimeInfo {
    command = List.copyOf(command);
    adaptations = List.copyOf(adaptations);
  }

  /** {@return the command as one line, arguments joined by spaces} */
  public String commandLine() {
    return String.join(" ", command);
  }
}
