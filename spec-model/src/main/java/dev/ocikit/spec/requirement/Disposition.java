package dev.ocikit.spec.requirement;

import java.util.List;

/**
 * What checks a requirement: schema locations, rule ids and conformance test ids (any mix), or the
 * argued reason nothing can, or what would check it when nothing does yet.
 *
 * @param schemaLocations {@code <folder>/<file>#<pointer>} of the schemas that enforce it
 * @param rules ids of the validation rules that check it
 * @param tests ids of the conformance tests that check it
 * @param implementedBy for a requirement on what a consumer of images does (unpacking, conversion
 *     to a bundle): our own test classes that pin the toolkit to it
 * @param untestable why no outside observer can check it; null when it can be checked
 * @param todo what would check it when nothing does yet; null otherwise
 */
public record Disposition(
    List<String> schemaLocations,
    List<String> rules,
    List<String> tests,
    List<String> implementedBy,
    String untestable,
    String todo) {
  /**
   * Copies the lists, so that a disposition cannot change after it is made.
   *
   * @param schemaLocations the schema locations that enforce the requirement, copied
   * @param rules the rule ids that check it, copied
   * @param tests the conformance test ids that check it, copied
   * @param implementedBy our test classes that pin the toolkit to it, copied
   * @param untestable why nothing can check it, or null
   * @param todo what would check it, or null
   */
  public Disposition {
    schemaLocations = List.copyOf(schemaLocations);
    rules = List.copyOf(rules);
    tests = List.copyOf(tests);
    implementedBy = List.copyOf(implementedBy);
  }

  /** The kinds of disposition, in the order coverage tables show them. */
  public enum Kind {
    /** Checked by a rule of ours. */
    RULE,
    /** Checked by a conformance test. */
    TEST,
    /** Checked by the JSON Schema. */
    SCHEMA,
    /** Done by our own code, and checked by its tests. */
    IMPLEMENTED,
    /** Cannot be checked, for the reason the disposition gives. */
    UNTESTABLE,
    /** Nothing checks it yet; the disposition says what would. */
    TODO
  }

  /** {@return whether something of ours checks the requirement} */
  public boolean checked() {
    return !schemaLocations.isEmpty()
        || !rules.isEmpty()
        || !tests.isEmpty()
        || !implementedBy.isEmpty();
  }

  /**
   * The kind a coverage count files it under: the most direct check (rule, then conformance test,
   * then schema, then our own implementation's tests), else untestable or to do.
   *
   * @return the kind of the most direct check
   */
  public Kind kind() {
    if (!rules.isEmpty()) {
      return Kind.RULE;
    }
    if (!tests.isEmpty()) {
      return Kind.TEST;
    }
    if (!schemaLocations.isEmpty()) {
      return Kind.SCHEMA;
    }
    if (!implementedBy.isEmpty()) {
      return Kind.IMPLEMENTED;
    }
    return untestable != null ? Kind.UNTESTABLE : Kind.TODO;
  }

  /** {@return the disposition as the catalog file writes it} */
  public String text() {
    if (untestable != null) {
      return "untestable: " + untestable;
    }
    if (todo != null) {
      return "todo: " + todo;
    }
    StringBuilder s = new StringBuilder();
    schemaLocations.forEach(l -> s.append(s.length() == 0 ? "" : " ").append("schema:").append(l));
    rules.forEach(r -> s.append(s.length() == 0 ? "" : " ").append("rule:").append(r));
    tests.forEach(t -> s.append(s.length() == 0 ? "" : " ").append("test:").append(t));
    implementedBy.forEach(
        t -> s.append(s.length() == 0 ? "" : " ").append("implemented:").append(t));
    return s.toString();
  }
}
