package dev.ocikit.spec.requirement;

/**
 * One normative sentence of a spec (one RFC 2119 keyword), paraphrased in the project's words, and
 * what checks it.
 *
 * @param id stable id, e.g. {@code rt.config.process-cwd-absolute}
 * @param document the spec document holding the sentence
 * @param anchor the section's heading anchor, without '#'
 * @param keyword the sentence's RFC 2119 keyword
 * @param summary one line in our words (never the spec's sentence)
 * @param disposition what checks it, or why nothing can
 */
public record Requirement(
    String id,
    SpecDocument document,
    String anchor,
    Keyword keyword,
    String summary,
    Disposition disposition) {

  /**
   * Link to the section at the pinned spec tag.
   *
   * @return the URL with the requirement's anchor
   */
  public String url() {
    return document.url(anchor);
  }
}
