package dev.ocikit.validate.schema;

import dev.ocikit.check.CheckKind;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.RuleSource;
import dev.ocikit.validate.rules.CoreRules;
import java.util.List;

/**
 * One {@code schema.<keyword>} rule per JSON Schema keyword the shipped schemas use, for {@link
 * dev.ocikit.check.RuleCatalog}.
 */
public final class SchemaRuleSource implements RuleSource {
  /** Where a keyword's meaning is defined. */
  public static final String JSON_SCHEMA = "https://json-schema.org/draft/2020-12";

  @Override
  public CheckKind kind() {
    return CheckKind.SCHEMA_KEYWORD;
  }

  @Override
  public List<RuleInfo> rules() {
    return SchemaKeywords.used().stream().map(k -> CoreRules.schemaRule(k, JSON_SCHEMA)).toList();
  }
}
