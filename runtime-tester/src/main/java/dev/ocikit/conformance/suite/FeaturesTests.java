package dev.ocikit.conformance.suite;

import dev.ocikit.check.Finding;
import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Level;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.validate.DocumentValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * features.md: the {@code features} output is a valid features document, and what it claims holds:
 * every namespace listed can be created, every hook listed runs.
 */
final class FeaturesTests {
  private FeaturesTests() {}

  static List<SpecTest> all() {
    return List.of(
        SpecTest.of(
                "features.schema",
                "features.md",
                "features-structure",
                Level.MUST,
                "`features` prints a document valid against the runtime-features schema",
                FeaturesTests::schema)
            .since("1.1.0"),
        SpecTest.of(
                "features.namespaces-creatable",
                "features-linux.md",
                "namespaces",
                Level.MUST,
                "one container can get a new namespace of every type `features` lists",
                FeaturesTests::namespaces)
            .since("1.1.0"),
        SpecTest.of(
                "features.hooks-run",
                "features.md",
                "hooks",
                Level.MUST,
                "every hook phase `features` lists runs during the lifecycle",
                FeaturesTests::hooks)
            .since("1.1.0"));
  }

  /** The parsed {@code features} output; {@link Unmet} when the command fails or is not JSON. */
  static JsonNode features(Context ctx) throws Exception {
    return ctx.observations().get("features", () -> RuntimeOutput.json(ctx.driver().features()));
  }

  /** Namespace types the runtime's features list, or empty when it has no usable features. */
  static List<String> listedNamespaces(Context ctx) {
    List<String> out = new ArrayList<>();
    try {
      features(ctx).at("/linux/namespaces").forEach(n -> out.add(n.asString()));
    } catch (Exception e) {
      // No features output: the caller reports the empty list in its skip reason.
    }
    return out;
  }

  /**
   * runtime.md lists no {@code features} operation, so a runtime without it is skipped, not failed;
   * but only once a plain container works, so that an unusable runtime is reported as such.
   */
  private static Verdict noFeatures(Context ctx, String why) throws Exception {
    ctx.requireBaseline();
    return Verdict.skip("no usable `features` output: " + why);
  }

  private static Verdict schema(Context ctx) throws Exception {
    var r = ctx.driver().features();
    if (!r.ok()) {
      return noFeatures(ctx, r.describe());
    }
    FindingSink sink = new FindingSink(ValidationOptions.DEFAULT);
    new DocumentValidator(ValidationOptions.DEFAULT)
        .check(
            r.stdout().getBytes(StandardCharsets.UTF_8),
            ctx.runtimeName() + " features",
            DocumentType.RUNTIME_FEATURES,
            sink);
    List<String> errors =
        sink.findings().stream()
            .filter(Finding::isError)
            .map(f -> f.ruleId() + " at " + f.location() + ": " + f.message())
            .toList();
    return Verdict.expect(errors.isEmpty(), "no schema findings", String.join("; ", errors));
  }

  private static Verdict namespaces(Context ctx) throws Exception {
    List<String> listed = listedNamespaces(ctx);
    if (listed.isEmpty()) {
      return noFeatures(ctx, "`features` lists no namespaces");
    }
    Map<String, String> ns = new LinkedHashMap<>();
    listed.forEach(t -> ns.put(t, null));
    ns.put("mount", null);
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER).namespaces(ns);
    if (listed.contains("user")) {
      UserNamespaceTests.mapIds(c);
    }
    if (listed.contains("time")) {
      c.bundle().config().editLinux(l -> l.withTimeOffsets(Map.of()));
    }
    var r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
      return Verdict.fail("create with namespaces " + ns.keySet() + " succeeds", r.describe());
    }
    long pid = HostProc.pidOf(c);
    List<String> notNew = new ArrayList<>();
    for (String t : listed) {
      if (HostProc.NS_FILES.containsKey(t) && HostProc.ns(pid, t).equals(HostProc.ownNs(t))) {
        notNew.add(t);
      }
    }
    return Verdict.expect(notNew.isEmpty(), "new namespaces " + listed, "not new: " + notNew);
  }

  private static Verdict hooks(Context ctx) throws Exception {
    List<String> listed = new ArrayList<>();
    try {
      features(ctx).path("hooks").forEach(h -> listed.add(h.asString()));
    } catch (Unmet e) {
      return noFeatures(ctx, e.getMessage());
    }
    HookRun run = HookTests.run(ctx);
    List<String> missing = new ArrayList<>(listed);
    missing.removeAll(run.afterDelete());
    return Verdict.expect(
        missing.isEmpty(), "hooks " + listed + " all ran", "ran " + run.afterDelete());
  }
}
