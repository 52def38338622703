package dev.ocikit.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ocikit.spec.runtime.Process;
import dev.ocikit.spec.runtime.Root;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.spec.runtime.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Builders, with… copies and toBuilder: new records, originals untouched, other properties kept.
 */
class ModelCopiesTest extends ModelTestSupport {
  @Test
  void builderAndFromJsonProduceEqualRecords() {
    RuntimeConfig parsed = RuntimeConfig.fromJson(json(MINIMAL_CONFIG));
    RuntimeConfig built =
        RuntimeConfig.builder()
            .ociVersion("1.3.0")
            .root(Root.builder().path("rootfs").build())
            .process(
                Process.builder()
                    .cwd("/")
                    .args(List.of("sh"))
                    .user(User.builder().uid(0L).gid(0L).build())
                    .build())
            .build();
    assertEquals(parsed, built);
    assertEquals(parsed.hashCode(), built.hashCode());
    assertEquals(parsed.toJson(), built.toJson());
  }

  @Test
  void withReturnsANewRecordAndLeavesTheOriginal() {
    RuntimeConfig original = RuntimeConfig.fromJson(json(MINIMAL_CONFIG));
    RuntimeConfig before = RuntimeConfig.fromJson(json(MINIMAL_CONFIG));
    RuntimeConfig renamed = original.withHostname("web");
    assertNotSame(original, renamed);
    assertEquals("web", renamed.hostname());
    assertNull(original.hostname());
    assertEquals(before, original);
    assertEquals(original.process(), renamed.process());
    assertEquals(original, renamed.withHostname(null));
  }

  @Test
  void withNullRemovesTheProperty() {
    RuntimeConfig config = RuntimeConfig.fromJson(json(MINIMAL_CONFIG)).withProcess(null);
    assertFalse(config.toJson().has("process"));
  }

  @Test
  void toBuilderStartsFromTheValueAndDoesNotMutateIt() {
    RuntimeConfig original = RuntimeConfig.fromJson(json(MINIMAL_CONFIG + " "));
    RuntimeConfig.Builder builder = original.toBuilder();
    assertEquals(original, builder.build());
    RuntimeConfig changed = builder.hostname("h").ociVersion("1.2.0").build();
    assertEquals("1.3.0", original.ociVersion());
    assertNull(original.hostname());
    assertEquals(original.withHostname("h").withOciVersion("1.2.0"), changed);
  }

  @Test
  void builderKeepsOtherProperties() {
    RuntimeConfig original = RuntimeConfig.fromJson(json("{\"ociVersion\": \"1\", \"x\": 1}"));
    RuntimeConfig copy = original.toBuilder().hostname("h").build();
    assertEquals(json("1"), copy.otherProperties().get("x"));
  }

  @Test
  void aBuiltRecordDoesNotSeeLaterBuilderOrListChanges() {
    List<String> args = new ArrayList<>(List.of("sh"));
    Process.Builder builder = Process.builder().args(args).cwd("/");
    Process first = builder.build();
    args.add("-c");
    builder.cwd("/tmp");
    assertEquals(List.of("sh"), first.args());
    assertEquals("/", first.cwd());
  }
}
