package dev.ocikit.check;

import dev.ocikit.spec.requirement.RequirementCatalog;
import java.util.List;
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
 * @param requirements ids of the spec requirements broken (see docs/spec-coverage.md); empty for
 *     advice
 */
public record Finding(
    String ruleId,
    Level level,
    Severity severity,
    String message,
    Location location,
    String specRef,
    List<String> requirements) {
  /**
   * Checks that the required parts are there and copies the requirement ids.
   *
   * @param ruleId the rule's id
   * @param level how binding the rule is
   * @param severity whether the finding fails the run
   * @param message what is wrong
   * @param location where it is
   * @param specRef the spec link, or null
   * @param requirements the broken requirements' ids, copied
   * @throws NullPointerException if the rule id, level, severity, message or location is null
   */
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    requirements = List.copyOf(requirements);
  }

  /**
   * A finding with the requirements the catalog ties to {@code ruleId}.
   *
   * @param ruleId the rule's id, which also picks the requirements
   * @param level how binding the rule is
   * @param severity whether the finding fails the run
   * @param message what is wrong
   * @param location where it is
   * @param specRef the spec link, or null
   */
  public Finding(
      String ruleId,
      Level level,
      Severity severity,
      String message,
      Location location,
      String specRef) {
    this(
        ruleId,
        level,
        severity,
        message,
        location,
        specRef,
        RequirementCatalog.shipped().forRule(ruleId));
  }

  /** {@return whether this finding fails the run} */
  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
