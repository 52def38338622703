package dev.ocikit.check;

/** What kind of check a rule id names; reports and the catalog group by it. */
public enum CheckKind {
  /** A rule over a document, a bundle or an image layout. */
  RULE("rule"),
  /** A JSON Schema keyword of the shipped schemas ({@code schema.<keyword>}). */
  SCHEMA_KEYWORD("schema keyword"),
  /** A conformance test that drives a runtime. */
  CONFORMANCE_TEST("conformance test");

  private final String label;

  CheckKind(String label) {
    this.label = label;
  }

  /**
   * Lowercase words for people, e.g. {@code schema keyword}.
   *
   * @return the label, e.g. {@code conformance test}
   */
  public String label() {
    return label;
  }
}
