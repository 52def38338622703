package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;

/**
 * One conformance test: a stable id, a one-line title, the spec sentence it checks (document and
 * anchor at the pinned spec tag), its RFC 2119 level and its body. As a rule of the kernel it is
 * {@link #rule()}.
 *
 * @param id stable dotted id, e.g. {@code lifecycle.start-twice}
 * @param title one sentence saying what is checked
 * @param document spec document, e.g. {@code runtime.md}
 * @param anchor heading anchor inside the document, without '#'
 * @param level strength of the spec sentence
 * @param body the check itself
 * @param since the runtime-spec release that introduced the property or behaviour checked (from the
 *     spec's ChangeLog); a runtime targeting an older version skips the test
 */
public record SpecTest(
    String id, String title, String document, String anchor, Level level, Body body, String since) {
  /** The oldest release the suite targets; tests of properties as old as 1.0 declare this. */
  public static final String BASELINE = "1.0.0";

  /** Runs against one runtime through {@link Context}; may throw when a precondition breaks. */
  @FunctionalInterface
  public interface Body {
    Verdict run(Context ctx) throws Exception;
  }

  /** Link to the spec sentence at the pinned tag. */
  public String url() {
    return SpecLinks.BASE + document + "#" + anchor;
  }

  /** {@return this test as a rule of the kernel: conformance tests judge Linux runtimes} */
  public RuleInfo rule() {
    return new RuleInfo(id, level, title, url(), Platform.LINUX);
  }

  /** Grouping key for reports, e.g. {@code runtime.md#start}. */
  public String section() {
    return document + "#" + anchor;
  }

  static SpecTest of(String id, String doc, String anchor, Level level, String title, Body body) {
    return new SpecTest(id, title, doc, anchor, level, body, BASELINE);
  }

  /**
   * The same test, declaring the release that introduced what it checks.
   *
   * @param version a runtime-spec release, e.g. {@code 1.1.0}
   */
  SpecTest since(String version) {
    return new SpecTest(id, title, document, anchor, level, body, version);
  }
}
