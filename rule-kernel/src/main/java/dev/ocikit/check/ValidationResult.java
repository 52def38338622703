package dev.ocikit.check;

import java.util.List;

/**
 * The findings for one validated path (a bundle, or one document), or why it could not be read.
 *
 * @param path the path as the user gave it
 * @param type what was validated: {@code bundle} or a document type id such as {@code
 *     image-manifest}; {@link #UNREADABLE} for a path that could not be read
 * @param findings every finding, in a stable order (file, position, rule)
 * @param readError why the path could not be read (one line), or null when it was read
 */
public record ValidationResult(String path, String type, List<Finding> findings, String readError) {
  /** The {@link #type} of a path that could not be read. */
  public static final String UNREADABLE = "unreadable";

  /**
   * Copies the findings, so that the result cannot change under its reader.
   *
   * @param path the path as the user gave it
   * @param type what was validated
   * @param findings the findings, copied
   * @param readError why the path could not be read, or null
   */
  public ValidationResult {
    findings = List.copyOf(findings);
  }

  /**
   * The findings of a path that was read.
   *
   * @param path the path as the user gave it
   * @param type what was validated
   * @param findings the findings, in a stable order
   */
  public ValidationResult(String path, String type, List<Finding> findings) {
    this(path, type, findings, null);
  }

  /**
   * A path that could not be read at all (missing, unreadable, a special file): kept in the report
   * as a result that is not valid, so a machine-readable report never loses a path.
   *
   * @param path the path as the user gave it
   * @param reason why it could not be read, in one line
   * @return a result with no findings and a read error
   */
  public static ValidationResult unreadable(String path, String reason) {
    return new ValidationResult(path, UNREADABLE, List.of(), reason);
  }

  /** {@return true when the path was read and no finding is an error} */
  public boolean valid() {
    return readError == null && findings.stream().noneMatch(Finding::isError);
  }

  /** {@return number of error findings} */
  public long errorCount() {
    return findings.stream().filter(Finding::isError).count();
  }

  /** {@return number of warning findings} */
  public long warningCount() {
    return findings.size() - errorCount();
  }
}
