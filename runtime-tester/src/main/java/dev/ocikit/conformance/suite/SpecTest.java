package dev.ocikit.conformance.suite;

/**
 * One conformance test: a stable id, a one-line title, the spec sentence it checks (document and
 * anchor at the pinned spec tag), its RFC 2119 level and its body.
 *
 * @param id stable dotted id, e.g. {@code lifecycle.start-twice}
 * @param title one sentence saying what is checked
 * @param document spec document, e.g. {@code runtime.md}
 * @param anchor heading anchor inside the document, without '#'
 * @param level strength of the spec sentence
 * @param body the check itself
 */
public record SpecTest(
    String id, String title, String document, String anchor, Level level, Body body) {
  /** The spec tag every link points at. */
  public static final String SPEC_BASE =
      "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/";

  /** Runs against one runtime through {@link Context}; may throw when a precondition breaks. */
  @FunctionalInterface
  public interface Body {
    Verdict run(Context ctx) throws Exception;
  }

  public String url() {
    return SPEC_BASE + document + "#" + anchor;
  }

  /** Grouping key for reports, e.g. {@code runtime.md#start}. */
  public String section() {
    return document + "#" + anchor;
  }

  static SpecTest of(String id, String doc, String anchor, Level level, String title, Body body) {
    return new SpecTest(id, title, doc, anchor, level, body);
  }
}
