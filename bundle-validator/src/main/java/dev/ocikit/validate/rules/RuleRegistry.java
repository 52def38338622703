package dev.ocikit.validate.rules;

import dev.ocikit.validate.RuleInfo;
import dev.ocikit.validate.rules.bundle.RootPathExists;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The explicit list of semantic rules. A rule that is not listed here does not run; a test checks
 * that every {@link ConfigRule} class is listed and has fixtures.
 */
public final class RuleRegistry {
  private static final List<ConfigRule> CONFIG_RULES = sorted(List.of(new RootPathExists()));

  private RuleRegistry() {}

  /** Every config rule, sorted by id. */
  public static List<ConfigRule> configRules() {
    return CONFIG_RULES;
  }

  /** Metadata of every rule (core, schema keywords excluded, bundle and config), sorted by id. */
  public static List<RuleInfo> catalog() {
    List<RuleInfo> all = new ArrayList<>(CoreRules.all());
    all.add(BundleRules.CONFIG_PRESENT);
    CONFIG_RULES.forEach(r -> all.add(r.info()));
    all.sort(Comparator.comparing(RuleInfo::id));
    return all;
  }

  private static List<ConfigRule> sorted(List<ConfigRule> rules) {
    List<ConfigRule> copy = new ArrayList<>(rules);
    copy.sort(Comparator.comparing(r -> r.info().id()));
    return List.copyOf(copy);
  }
}
