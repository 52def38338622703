package dev.ocikit.validate.rules;

import dev.ocikit.check.RuleInfo;

/**
 * One semantic rule over a runtime config (and its bundle, when there is one). A rule reports
 * through the context and never throws for bad input: it may see any document the lenient model can
 * hold, including ones that fail the schema.
 */
public interface ConfigRule {
  /** {@return what the rule is: id, level, summary, spec link, platform} */
  RuleInfo info();

  /** Checks {@code ctx} and reports every violation found. */
  void check(ConfigContext ctx);
}
