package dev.ocikit.check;

import java.util.List;

/**
 * A module's rules, as data. Each module with checks (bundle and document rules, schema keywords,
 * image rules, conformance tests) registers one with {@link java.util.ServiceLoader}; {@link
 * RuleCatalog} joins them, so reports and the catalog see every rule without the kernel knowing the
 * modules.
 */
public interface RuleSource {
  /** {@return what kind of checks this source holds} */
  CheckKind kind();

  /** {@return every rule of this source, each id once} */
  List<RuleInfo> rules();
}
