package dev.ocikit.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The results of one run over one or more paths, with when the run started and how long it took
 * when the caller measured it (JUnit reports show both).
 *
 * @param results one result per path, in the order given
 * @param startedAt when the run started, or null when not measured
 * @param duration how long the run took, or null when not measured
 */
public record ValidationReport(
    List<ValidationResult> results, Instant startedAt, Duration duration) {
  /**
   * Copies the list, so that the report cannot change under its reader.
   *
   * @param results one result per path, copied
   * @param startedAt when the run started, or null
   * @param duration how long it took, or null
   */
  public ValidationReport {
    results = List.copyOf(results);
  }

  /**
   * A report without timing.
   *
   * @param results one result per path, in the order given
   */
  public ValidationReport(List<ValidationResult> results) {
    this(results, null, null);
  }

  /** {@return true when every result is valid} */
  public boolean valid() {
    return results.stream().allMatch(ValidationResult::valid);
  }
}
