package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import java.nio.file.Files;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * runtime.md "Operations": the errors each operation MUST generate, and that they change nothing.
 */
final class OperationErrorTests {
  private static final String DOC = "runtime.md";

  private OperationErrorTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "operations.state-unknown-id",
            DOC,
            "query-state",
            Level.MUST,
            "state of a container that does not exist fails",
            ctx -> mustFail(ctx.driver().state(ctx.newId()))),
        of(
            "operations.state-without-id",
            DOC,
            "query-state",
            Level.MUST,
            "state without a container id fails",
            ctx -> mustFail(ctx.driver().call(List.of("state")))),
        of(
            "operations.start-without-id",
            DOC,
            "start",
            Level.MUST,
            "start without a container id fails",
            ctx -> mustFail(ctx.driver().call(List.of("start")))),
        of(
            "operations.kill-without-id",
            DOC,
            "kill",
            Level.MUST,
            "kill without a container id fails",
            ctx -> mustFail(ctx.driver().call(List.of("kill")))),
        of(
            "operations.delete-without-id",
            DOC,
            "delete",
            Level.MUST,
            "delete without a container id fails",
            ctx -> mustFail(ctx.driver().call(List.of("delete")))),
        of(
            "operations.start-unknown-id",
            DOC,
            "start",
            Level.MUST,
            "start of a container that does not exist fails",
            ctx -> mustFail(ctx.driver().start(ctx.newId()))),
        of(
            "operations.kill-unknown-id",
            DOC,
            "kill",
            Level.MUST,
            "kill of a container that does not exist fails",
            ctx -> mustFail(ctx.driver().kill(ctx.newId(), "KILL"))),
        of(
            "operations.delete-unknown-id",
            DOC,
            "delete",
            Level.MUST,
            "delete of a container that does not exist fails",
            ctx -> mustFail(ctx.driver().delete(ctx.newId(), false))),
        of(
            "operations.create-missing-bundle",
            DOC,
            "create",
            Level.MUST,
            "create with a bundle path that does not exist fails and creates no container",
            OperationErrorTests::missingBundle),
        of(
            "operations.create-invalid-config",
            DOC,
            "lifecycle",
            Level.MUST,
            "create with a config.json that is not JSON fails and creates no container",
            OperationErrorTests::invalidConfig),
        of(
            "operations.create-duplicate-id",
            DOC,
            "create",
            Level.MUST,
            "create with an id already in use fails and leaves the first container untouched",
            OperationErrorTests::duplicateId));
  }

  static Verdict mustFail(CallResult r) {
    return Verdict.expect(r.refused(), "an error (non-zero exit)", r.describe());
  }

  /** After a failed create, the id MUST NOT name a container (runtime.md "Errors"). */
  static Verdict noContainer(Context ctx, String id) {
    CallResult s = ctx.driver().state(id);
    return Verdict.expect(
        s.refused(),
        "no container " + id + " after the failed create",
        s.wasStopped() ? s.describe() : "state succeeded: " + CallResult.excerpt(s.stdout()));
  }

  private static Verdict missingBundle(Context ctx) {
    String id = ctx.newId();
    CallResult r = ctx.driver().create(ctx.workDir().resolve("no-such-bundle"), id, null);
    return mustFail(r).and(() -> noContainer(ctx, id));
  }

  private static Verdict invalidConfig(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().write();
    Files.writeString(c.bundle().dir().resolve("config.json"), "{ this is not json");
    CallResult r = ctx.driver().create(c.bundle().dir(), c.id(), null);
    return mustFail(r).and(() -> noContainer(ctx, c.id()));
  }

  private static Verdict duplicateId(Context ctx) throws Exception {
    Container first = ctx.createdSleeper();
    JsonNode before = first.state();
    Container second = ctx.container();
    second.bundle().config().shell(Scripts.QUICK);
    second.bundle().write();
    CallResult r = ctx.driver().create(second.bundle().dir(), first.id(), null);
    JsonNode after = first.state();
    return mustFail(r)
        .and(
            () ->
                Verdict.expect(
                    after != null
                        && before != null
                        && after.path("pid").equals(before.path("pid"))
                        && "created".equals(after.path("status").asString(""))
                        && after.path("bundle").equals(before.path("bundle")),
                    "first container unchanged: " + before,
                    "after the duplicate create: " + after));
  }
}
