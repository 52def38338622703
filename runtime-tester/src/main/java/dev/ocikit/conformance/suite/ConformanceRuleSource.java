package dev.ocikit.conformance.suite;

import dev.ocikit.check.CheckKind;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.RuleSource;
import java.util.List;

/** The conformance tests, as rules of the kernel, for {@link dev.ocikit.check.RuleCatalog}. */
public final class ConformanceRuleSource implements RuleSource {
  @Override
  public CheckKind kind() {
    return CheckKind.CONFORMANCE_TEST;
  }

  @Override
  public List<RuleInfo> rules() {
    return Registry.all().stream().map(SpecTest::rule).toList();
  }
}
