package dev.ocikit.cli;

import dev.ocikit.check.CheckKind;
import dev.ocikit.spec.requirement.SpecDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/rules.md as text: every check a report can show (bundle and document rules, image rules,
 * conformance tests, schema keywords), grouped by the spec document it speaks for, rendered from
 * {@link CheckIndex}; a test keeps the committed file equal to it.
 */
final class ChecksCatalog {
  private static final String SCHEMA_GROUP = "JSON Schema keywords";
  private static final String OTHER_GROUP = "JSON and other documents";

  private ChecksCatalog() {}

  static String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("# Checks: rules, schema keywords and conformance tests\n\n");
    s.append("<!-- Generated from CheckIndex by ChecksCatalogTest; do not edit.\n")
        .append("     Regenerate: mvn -o -pl cli -am test -Dtest=ChecksCatalogTest")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -Docikit.regenerate=true -->\n\n");
    s.append(INTRO);
    Map<String, List<CheckIndex.Entry>> groups = groups();
    s.append("Spec documents: ");
    List<String> links = new ArrayList<>();
    groups.keySet().forEach(g -> links.add("[" + g + "](#" + anchor(g) + ")"));
    s.append(String.join(" · ", links)).append("\n");
    groups.forEach(
        (group, checks) -> {
          s.append("\n## ").append(group).append("\n\n");
          s.append("| Check | Kind | Level | Platform | Summary | Requirements |\n");
          s.append("|---|---|---|---|---|---|\n");
          for (CheckIndex.Entry e : checks) {
            s.append("| [`").append(e.id()).append("`](").append(e.specUrl()).append(") | ");
            s.append(e.kind().label()).append(" | ").append(e.level()).append(" | ");
            s.append(e.platform()).append(" | ");
            s.append(e.summary().replace("|", "\\|")).append(" | ");
            s.append(requirements(e.requirements())).append(" |\n");
          }
        });
    long rules = count(CheckKind.RULE);
    s.append("\n")
        .append(rules)
        .append(" rules, ")
        .append(count(CheckKind.SCHEMA_KEYWORD))
        .append(" schema keywords, ")
        .append(count(CheckKind.CONFORMANCE_TEST))
        .append(" conformance tests.\n");
    return s.toString();
  }

  private static final String INTRO =
      "`oci-validate` checks a config.json (or bundle) in order: strict JSON, the schema"
          + " (`schema.<keyword>` checks, level MUST), the spec version, then the semantic rules."
          + " For an image layout or OCI archive it checks `oci-layout` and `index.json`, blob"
          + " names, then every descriptor reachable from the index; every blob is read once"
          + " through a verifying stream (size and digest) and each layer is decompressed in the"
          + " same pass to compute its DiffID and lint its entries. `oci-tool conformance` runs"
          + " the conformance tests against a runtime. `oci-tool explain ID` prints any of them"
          + " with the spec requirements it covers and, for rules, a good and a bad example.\n\n"
          + "Levels: MUST, SHOULD and MAY come from the RFC 2119 keyword of the spec sentence a"
          + " check cites; the sentences and what covers each are in"
          + " [spec-coverage.md](spec-coverage.md). Where the spec defines a value's form without"
          + " a keyword (environment entries, cpuset lists) the rule is SHOULD. ADVICE marks"
          + " likely trouble no spec sentence"
          + " forbids (the kernel refuses the value, a setting has no effect); its messages start"
          + " with `advice:` and it never fails a run. With the default `--level must`, only MUST"
          + " findings are errors.\n\n"
          + "Rules named `host.*` run only with `--host-specific`, on Linux configs: they compare"
          + " the config with the machine running the validator. Rules named `state.*` and"
          + " `features.*` check runtime state and features documents.\n\n"
          + "Not checked, on purpose: `linux.cgroupsPath` (the spec takes any absolute or"
          + " relative path, and runtimes define their own forms such as runc's systemd"
          + " `slice:prefix:name`). Absolute VM and z/OS namespace paths, memBwSchema and"
          + " schemata newlines, and the enums (personality domain, memoryPolicy mode, jail modes,"
          + " VM image format) are schema keywords.\n\n"
          + "Enumerated values: where the spec lists a field's values as a closed list, another"
          + " value is a MUST finding, as in the spec's own schema. `linux.rootfsPropagation` is"
          + " one: its recursive forms (`rshared`, `rslave`, `rprivate`, `runbindable`), which"
          + " containerd, CRI-O and Podman write and runc and crun accept, are not among the four"
          + " values the spec lists, so `linux.rootfs-propagation.value` reports them at MUST"
          + " level; it is a rule rather than a schema enum so that its message can say what"
          + " runc and crun do. Lists the spec leaves open are no enums: the state `status`"
          + " (runtimes MAY add values), capability names (`process.capabilities.known`, advice:"
          + " runtimes SHOULD NOT fail on capabilities they cannot grant) and rlimit types"
          + " (`process.rlimits.type`, defined by getrlimit(2)).\n\n"
          + "Rules that need the bundle's rootfs (`process.args.executable-in-rootfs`) run when a"
          + " bundle directory is validated, on Linux bundles only, and not with `--platform`"
          + " naming another platform.\n\n"
          + "Spec links point at runtime-spec v1.3.0 and image-spec v1.1.1.\n\n";

  /** Checks by spec document, in the catalog's document order; then JSON, then schema keywords. */
  private static Map<String, List<CheckIndex.Entry>> groups() {
    Map<String, List<CheckIndex.Entry>> groups = new LinkedHashMap<>();
    for (SpecDocument doc : SpecDocument.values()) {
      groups.put(doc.label(), new ArrayList<>());
    }
    groups.put(OTHER_GROUP, new ArrayList<>());
    groups.put(SCHEMA_GROUP, new ArrayList<>());
    for (CheckIndex.Entry e : CheckIndex.all()) {
      groups.get(group(e)).add(e);
    }
    groups.values().removeIf(List::isEmpty);
    return groups;
  }

  private static String group(CheckIndex.Entry e) {
    if (e.kind() == CheckKind.SCHEMA_KEYWORD) {
      return SCHEMA_GROUP;
    }
    for (SpecDocument doc : SpecDocument.values()) {
      String page = doc.url("");
      if (e.specUrl() != null && (e.specUrl().equals(page) || e.specUrl().startsWith(page + "#"))) {
        return doc.label();
      }
    }
    return OTHER_GROUP;
  }

  private static String requirements(List<String> ids) {
    if (ids.isEmpty()) {
      return "–";
    }
    if (ids.size() <= 3) {
      return "`" + String.join("`, `", ids) + "`";
    }
    return "`" + String.join("`, `", ids.subList(0, 2)) + "` and " + (ids.size() - 2) + " more";
  }

  private static long count(CheckKind kind) {
    return CheckIndex.all().stream().filter(e -> e.kind() == kind).count();
  }

  /** GitHub's heading anchor for a group title. */
  private static String anchor(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
  }
}
