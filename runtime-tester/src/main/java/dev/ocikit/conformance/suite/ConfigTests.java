package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** config.md "Extensibility" and "Annotations": what a runtime must accept without complaint. */
final class ConfigTests {
  private static final String DOC = "config.md";

  private ConfigTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "config.unknown-properties-ignored",
            DOC,
            "extensibility",
            Level.MUST,
            "unknown properties at top level and in process do not make create fail",
            ConfigTests::unknownProperties),
        of(
            "config.annotations-accepted",
            DOC,
            "annotations",
            Level.MUST,
            "reverse-domain annotation keys with arbitrary values are accepted",
            ConfigTests::annotationsAccepted));
  }

  private static Verdict unknownProperties(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle()
        .config()
        .shell(Scripts.QUICK)
        .json(
            j -> {
              j.put("dev.ocikit.unknown", "x");
              ((ObjectNode) j.get("process")).put("dev.ocikit.unknownToo", "y");
              return j;
            });
    CallResult r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
    }
    return Verdict.expect(r.ok(), "create succeeds", r.describe())
        .and(
            () ->
                Verdict.expect(
                    c.start().ok() && c.awaitMarker("ran"), "the process runs", "no marker"));
  }

  private static Verdict annotationsAccepted(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle()
        .config()
        .shell(Scripts.QUICK)
        .annotation("com.example.key", "any value: with \"quotes\" and unicode \u00e9")
        .annotation("org.opencontainers.image.ref.name", "v1");
    CallResult r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
    }
    return Verdict.expect(r.ok(), "create succeeds", r.describe());
  }
}
