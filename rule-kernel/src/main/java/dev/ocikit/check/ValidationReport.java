package dev.ocikit.check;

import java.util.List;

/**
 * The results of one run over one or more paths.
 *
 * @param results one result per path, in the order given
 */
public record ValidationReport(List<ValidationResult> results) {
  // Copies the list.
  public ValidationReport {
    results = List.copyOf(results);
  }

  /** {@return true when every result is valid} */
  public boolean valid() {
    return results.stream().allMatch(ValidationResult::valid);
  }
}
