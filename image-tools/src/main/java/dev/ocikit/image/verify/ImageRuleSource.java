package dev.ocikit.image.verify;

import dev.ocikit.check.CheckKind;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.RuleSource;
import java.util.List;

/** The image layout and layer rules, for {@link dev.ocikit.check.RuleCatalog}. */
public final class ImageRuleSource implements RuleSource {
  @Override
  public CheckKind kind() {
    return CheckKind.RULE;
  }

  @Override
  public List<RuleInfo> rules() {
    return ImageRules.all();
  }
}
