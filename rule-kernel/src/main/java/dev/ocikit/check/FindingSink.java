package dev.ocikit.check;

import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.json.JsonLocation;
import dev.ocikit.spec.requirement.RequirementCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects findings for one file: turns a rule, a JSON pointer and a message into a {@link Finding}
 * with line and column and a severity from the options.
 */
public final class FindingSink {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(
              (Finding f) -> f.location().file(), Comparator.nullsFirst(String::compareTo))
          .thenComparing(f -> f.location().line(), Comparator.nullsFirst(Integer::compareTo))
          .thenComparing(f -> f.location().column(), Comparator.nullsFirst(Integer::compareTo))
          .thenComparing(f -> f.location().pointer(), Comparator.nullsFirst(String::compareTo))
          .thenComparing(Finding::ruleId);

  private final ValidationOptions options;
  private final List<Finding> findings = new ArrayList<>();

  /**
   * A sink applying {@code options} to every finding.
   *
   * @param options the fail level and platform of the run
   */
  public FindingSink(ValidationOptions options) {
    this.options = options;
  }

  /** {@return the options in force} */
  public ValidationOptions options() {
    return options;
  }

  /**
   * Reports a finding at {@code pointer} in {@code doc}.
   *
   * @param rule the rule that found the problem
   * @param doc the document the problem is in
   * @param pointer the JSON pointer of the offending value
   * @param message what is wrong, naming the values compared
   */
  public void report(RuleInfo rule, JsonDocument doc, String pointer, String message) {
    report(rule, doc, pointer, message, RequirementCatalog.shipped().forRule(rule.id()));
  }

  /**
   * Reports a finding at {@code pointer} in {@code doc} that breaks the given requirements (a
   * schema keyword serves many; the place it failed tells which).
   *
   * @param rule the rule that found the problem
   * @param doc the document the problem is in
   * @param pointer the JSON pointer of the offending value
   * @param message what is wrong, naming the values compared
   * @param requirements the ids of the broken requirements
   */
  public void report(
      RuleInfo rule, JsonDocument doc, String pointer, String message, List<String> requirements) {
    JsonLocation at = doc.locate(pointer).orElse(null);
    Location location =
        new Location(
            doc.source(), pointer, at == null ? null : at.line(), at == null ? null : at.column());
    findings.add(finding(rule, location, message, requirements));
  }

  /**
   * Reports a finding at an explicit location.
   *
   * @param rule the rule that found the problem
   * @param location where it is, e.g. a whole file
   * @param message what is wrong
   */
  public void add(RuleInfo rule, Location location, String message) {
    findings.add(finding(rule, location, message, RequirementCatalog.shipped().forRule(rule.id())));
  }

  private Finding finding(
      RuleInfo rule, Location location, String message, List<String> requirements) {
    return new Finding(
        rule.id(),
        rule.level(),
        options.severityOf(rule.level()),
        message,
        location,
        rule.specUrl(),
        requirements);
  }

  /** {@return every finding so far, in a stable order} */
  public List<Finding> findings() {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(ORDER);
    return sorted;
  }
}
