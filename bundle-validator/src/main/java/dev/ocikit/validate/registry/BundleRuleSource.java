package dev.ocikit.validate.registry;

import dev.ocikit.check.CheckKind;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.RuleSource;
import java.util.List;

/** The bundle, config and document rules, for {@link dev.ocikit.check.RuleCatalog}. */
public final class BundleRuleSource implements RuleSource {
  @Override
  public CheckKind kind() {
    return CheckKind.RULE;
  }

  @Override
  public List<RuleInfo> rules() {
    return RuleRegistry.catalog();
  }
}
