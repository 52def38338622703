package dev.ocikit.validate.rules;

import dev.ocikit.validate.RuleInfo;
import java.util.List;

/**
 * docs/rules.md as text, rendered from {@link RuleRegistry#catalog()}; a test keeps the committed
 * file equal to it.
 */
public final class RulesCatalog {
  private RulesCatalog() {}

  /** The Markdown catalog of every rule. */
  public static String markdown() {
    List<RuleInfo> rules = RuleRegistry.catalog();
    StringBuilder s = new StringBuilder();
    s.append("# Validation rules\n\n");
    s.append("<!-- Generated from RuleRegistry.catalog() by RulesCatalogTest; do not edit.\n");
    s.append("     Regenerate: mvn -o -pl bundle-validator test -Dtest=RulesCatalogTest")
        .append(" -Docikit.regenerate=true -->\n\n");
    s.append("`oci-validate` checks a config.json (or bundle) in order: strict JSON, the schema ")
        .append("(`schema.<keyword>` rules, one per JSON Schema keyword, level MUST), the spec ")
        .append("version, then the semantic rules below. `oci-tool explain RULE_ID` prints one ")
        .append("rule with its good and bad example from `testdata/rules/RULE_ID/`.\n\n");
    s.append("Levels: MUST, SHOULD and MAY come from the RFC 2119 keyword of the spec sentence ")
        .append("the rule cites. Where the spec defines a value's form without a keyword ")
        .append("(environment entries, cpuset lists) the rule is SHOULD. ADVICE marks likely ")
        .append("trouble no spec sentence forbids (the kernel refuses the value, or a setting ")
        .append("has no effect); its messages start with `advice:` and it never fails a run. ")
        .append("With the default `--level must`, only MUST findings are errors.\n\n");
    s.append("Rules named `host.*` run only with `--host-specific`, on Linux configs: they ")
        .append("compare the config with the machine running the validator (/proc, /sys, hook ")
        .append("files), and skip what the machine does not tell. Rules named `state.*` and ")
        .append("`features.*` check runtime state and features documents.\n\n");
    s.append("Not checked, on purpose: `linux.cgroupsPath` (the spec takes any absolute or ")
        .append("relative path, and runtimes define their own forms such as runc's systemd ")
        .append("`slice:prefix:name`). The recursive `linux.rootfsPropagation` values ")
        .append("(`rshared`, `rslave`) that containerd, CRI-O and Podman write are a SHOULD ")
        .append("warning, not a schema error: runc and crun accept them. ")
        .append("Absolute VM and z/OS namespace paths, memBwSchema and schemata newlines, and ")
        .append("the enums (personality domain, memoryPolicy mode, jail modes) are schema ")
        .append("keywords.\n\n");
    s.append("Spec links point at runtime-spec v1.3.0, and at image-spec v1.1.1 for the image.*")
        .append(" document rules (the image layout rules: [image-rules.md](image-rules.md)).\n\n");
    s.append(table(rules, true));
    return s.toString();
  }

  /**
   * A Markdown table of {@code rules} (id linked to its spec section, level, platform when {@code
   * withPlatform}, summary) followed by the count; the image rules catalog uses it too.
   */
  public static String table(List<RuleInfo> rules, boolean withPlatform) {
    StringBuilder s = new StringBuilder();
    s.append(
        withPlatform ? "| Rule | Level | Platform | Summary |\n" : "| Rule | Level | Summary |\n");
    s.append(withPlatform ? "|---|---|---|---|\n" : "|---|---|---|\n");
    for (RuleInfo r : rules) {
      s.append("| [`").append(r.id()).append("`](").append(r.specUrl()).append(") | ");
      s.append(r.level()).append(" | ");
      if (withPlatform) {
        s.append(r.platform()).append(" | ");
      }
      s.append(r.summary().replace("|", "\\|")).append(" |\n");
    }
    s.append("\n").append(rules.size()).append(" rules.\n");
    return s.toString();
  }
}
