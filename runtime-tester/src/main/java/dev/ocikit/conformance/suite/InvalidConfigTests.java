package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.bundle.ConfigEditor;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.spec.runtime.Linux;
import dev.ocikit.spec.runtime.Namespace;
import dev.ocikit.spec.runtime.NamespaceType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Values a runtime cannot map to the kernel, in the spirit of runtime-tools' {@code *_fail}
 * validations but judged by the v1.3.0 text: an unknown rlimit type or namespace type MUST make
 * create fail (config.md "POSIX process", "Valid values"), while an unknown capability SHOULD NOT
 * (config.md "Linux process": it "MUST be logged as a warning … Runtimes SHOULD NOT fail").
 */
final class InvalidConfigTests {
  private InvalidConfigTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "config.rlimit-type-invalid",
            "config.md",
            "posix-process",
            Level.MUST,
            "an rlimit type that maps to no kernel resource makes create fail",
            ctx -> mustRefuse(ctx, cfg -> cfg.rlimit("RLIMIT_OCIKIT_BOGUS", 1, 1))),
        of(
            "config.namespace-type-invalid",
            "config.md",
            "valid-values",
            Level.MUST,
            "a namespace type the spec does not list makes create fail",
            ctx -> mustRefuse(ctx, cfg -> cfg.editLinux(InvalidConfigTests::bogusNamespace))),
        of(
                "config.capability-unknown-accepted",
                "config.md",
                "linux-process",
                Level.SHOULD,
                "a capability the kernel lacks is not fatal: create succeeds and the process runs",
                InvalidConfigTests::unknownCapability)
            .since("1.1.0"));
  }

  private static Linux bogusNamespace(Linux l) {
    List<Namespace> ns = new ArrayList<>(l.namespaces());
    ns.add(Namespace.builder().type(NamespaceType.of("ocikit-bogus")).build());
    return l.withNamespaces(ns);
  }

  /**
   * Create with the harness's quick shell and {@code edit} applied must fail, leave no container
   * and never run the process.
   */
  static Verdict mustRefuse(Context ctx, Consumer<ConfigEditor> edit) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.QUICK);
    edit.accept(c.bundle().config());
    CallResult r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
    }
    return OperationErrorTests.mustFail(r)
        .and(() -> OperationErrorTests.noContainer(ctx, c.id()))
        .and(
            () ->
                Verdict.expect(
                    !c.hasMarker("ran"), "the process never ran", "it wrote its marker"));
  }

  private static Verdict unknownCapability(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.QUICK).capabilities("CAP_KILL", "CAP_OCIKIT_BOGUS");
    CallResult r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
      return Verdict.fail("create succeeds (a warning is enough)", r.describe());
    }
    c.startOk();
    return Verdict.expect(c.awaitMarker("ran"), "the process runs", "no marker; " + c.status());
  }
}
