package dev.ocikit.check;

import dev.ocikit.spec.requirement.SpecDocument;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule is, as data: reports, {@code oci-tool explain} and the rules catalog are built from
 * it. Every check of the toolkit has one: bundle and document rules, image rules, conformance
 * tests.
 *
 * @param id stable identifier, dotted, lowercase (e.g. {@code process.cwd.absolute})
 * @param level RFC 2119 level of the spec sentence, or ADVICE
 * @param summary one sentence in our words
 * @param specUrl link to the spec text with anchor, at the pinned spec version (see {@link
 *     SpecLinks}); a few JSON rules link to RFC 8259 instead
 * @param platform where the rule applies
 */
public record RuleInfo(String id, Level level, String summary, String specUrl, Platform platform) {
  /**
   * Checks that the required parts are there.
   *
   * @param id the rule's id
   * @param level how binding the rule is
   * @param summary the rule in one sentence
   * @param specUrl the spec link, or null
   * @param platform where the rule applies
   * @throws NullPointerException if the id, level, summary or platform is null
   */
  public RuleInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(platform, "platform");
  }

  /**
   * The spec document the rule serves, when its link points at one of the pinned documents.
   *
   * @return the document, or empty when the link is not to a pinned document
   */
  public Optional<SpecDocument> document() {
    return SpecDocument.ofUrl(specUrl);
  }

  /** {@return the section anchor of {@link #specUrl} (without '#'), or empty} */
  public String anchor() {
    int hash = specUrl == null ? -1 : specUrl.indexOf('#');
    return hash < 0 ? "" : specUrl.substring(hash + 1);
  }
}
