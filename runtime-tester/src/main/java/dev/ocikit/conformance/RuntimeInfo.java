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
 * @param wallMillis wall time spent on this runtime, in milliseconds: its setup (version, features,
 *     smoke probe, adaptations), its tests and its leak check; 0 when not recorded
 */
public record RuntimeInfo(
    String name,
    List<String> command,
    String version,
    String ociVersion,
    String ociVersionSource,
    List<String> adaptations,
    long wallMillis) {
  /**
   * Copies the lists.
   *
   * @param name the runtime's name in the report
   * @param command executable and global options
   * @param version the first line of its {@code --version}, or why there is none
   * @param ociVersion the runtime-spec version targeted
   * @param ociVersionSource where {@code ociVersion} came from
   * @param adaptations host adaptations applied to every call, one sentence each
   * @param wallMillis wall time spent on this runtime, in milliseconds; 0 when not recorded
   * @throws IllegalArgumentException when {@code wallMillis} is negative
   * @throws NullPointerException when {@code command} or {@code adaptations} is null or holds null
   */
  public RuntimeInfo {
    command = List.copyOf(command);
    adaptations = List.copyOf(adaptations);
    if (wallMillis < 0) {
      throw new IllegalArgumentException("wallMillis must be >= 0, got " + wallMillis);
    }
  }

  /**
   * What a report says about a runtime whose wall time was not recorded (0).
   *
   * @param name the runtime's name in the report
   * @param command executable and global options
   * @param version the first line of its {@code --version}, or why there is none
   * @param ociVersion the runtime-spec version targeted
   * @param ociVersionSource where {@code ociVersion} came from
   * @param adaptations host adaptations applied to every call, one sentence each
   */
  public RuntimeInfo(
      String name,
      List<String> command,
      String version,
      String ociVersion,
      String ociVersionSource,
      List<String> adaptations) {
    this(name, command, version, ociVersion, ociVersionSource, adaptations, 0);
  }

  /**
   * {@return the same information with the runtime's wall time}
   *
   * @param millis wall time of the runtime's setup, tests and leak check, in milliseconds, not
   *     negative
   * @throws IllegalArgumentException when {@code millis} is negative
   */
  public RuntimeInfo withWallMillis(long millis) {
    return new RuntimeInfo(
        name, command, version, ociVersion, ociVersionSource, adaptations, millis);
  }

  /** {@return the command as one line, arguments joined by spaces} */
  public String commandLine() {
    return String.join(" ", command);
  }
}
