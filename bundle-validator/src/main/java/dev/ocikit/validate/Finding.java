package dev.ocikit.validate;

import java.util.Objects;

/**
 * One way a document or bundle breaks a rule.
 *
 * @param ruleId stable rule identifier, e.g. {@code schema.required} or {@code
 *     linux.namespaces.unique}
 * @param level how binding the rule is
 * @param severity whether it fails the run under the chosen threshold
 * @param message what is wrong, naming the values compared and where they came from
 * @param location where it is
 * @param specRef link to the spec text, at the pinned spec version
 */
public record Finding(
    String ruleId,
    Level level,
    Severity severity,
    String message,
    Location location,
    String specRef) {
  /** Checks the required parts. */
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  /** Whether this finding fails the run. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
