package dev.ocikit.validate;

import java.util.List;

/**
 * The findings for one validated path (a bundle, or one document).
 *
 * @param path the path as the user gave it
 * @param type what was validated: {@code bundle} or a document type id such as {@code
 *     image-manifest}
 * @param findings every finding, in a stable order (file, position, rule)
 */
public record ValidationResult(String path, String type, List<Finding> findings) {
  /** Copies the list. */
  public ValidationResult {
    findings = List.copyOf(findings);
  }

  /** True when no finding is an error. */
  public boolean valid() {
    return findings.stream().noneMatch(Finding::isError);
  }

  /** Number of error findings. */
  public long errorCount() {
    return findings.stream().filter(Finding::isError).count();
  }

  /** Number of warning findings. */
  public long warningCount() {
    return findings.size() - errorCount();
  }
}
