package dev.ocikit.check;

import java.util.Objects;

/**
 * How to validate.
 *
 * @param failLevel the least binding level whose findings are errors; less binding ones are
 *     warnings (default {@link Level#MUST})
 * @param platform the platform whose rules apply ({@code linux}, {@code windows}, …), or null to
 *     detect it from the config
 * @param hostSpecific also check against this machine (kernel capabilities, cgroup controllers,
 *     hook binaries…)
 */
public record ValidationOptions(Level failLevel, String platform, boolean hostSpecific) {
  /** Errors for MUST findings only, platform detected, no host checks. */
  public static final ValidationOptions DEFAULT = new ValidationOptions(Level.MUST, null, false);

  /**
   * Checks that the fail level is there.
   *
   * @param failLevel the least binding level whose findings are errors
   * @param platform the platform whose rules apply, or null
   * @param hostSpecific whether host-specific rules run
   * @throws NullPointerException if {@code failLevel} is null
   */
  public ValidationOptions {
    Objects.requireNonNull(failLevel, "failLevel");
  }

  /**
   * {@return the severity a finding of {@code level} gets under these options}
   *
   * @param level a rule's level
   */
  public Severity severityOf(Level level) {
    return level.atLeast(failLevel) && level != Level.ADVICE ? Severity.ERROR : Severity.WARNING;
  }

  /**
   * {@return a copy with another fail level}
   *
   * @param level the new fail level
   */
  public ValidationOptions withFailLevel(Level level) {
    return new ValidationOptions(level, platform, hostSpecific);
  }
}
