package dev.ocikit.validate.rules;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.JsonDocument;

/**
 * One semantic rule over a whole document of another type than config.json (runtime state, runtime
 * features, image-spec documents), run by DocumentValidator after the schema. Like {@link
 * ConfigRule} it reports and never throws: the tree may fail the schema.
 */
public interface DocumentRule {
  /** {@return what the rule is: id, level, summary, spec link, platform} */
  RuleInfo info();

  /** {@return the document type the rule checks; its fixtures are validated as this type} */
  DocumentType documentType();

  /**
   * Whether the rule checks documents of {@code type}: {@link #documentType()} alone unless the
   * rule covers a property several document types share (a descriptor in a descriptor, manifest or
   * index document).
   */
  default boolean checks(DocumentType type) {
    return type == documentType();
  }

  /** Checks {@code document} and reports every violation into {@code sink}. */
  void check(JsonDocument document, FindingSink sink);
}
