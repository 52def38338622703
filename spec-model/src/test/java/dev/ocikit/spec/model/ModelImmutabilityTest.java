package dev.ocikit.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.image.ExecutionConfig;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.runtime.Features;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.spec.runtime.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Records are immutable: unmodifiable collections, defensive copies, fresh trees. */
class ModelImmutabilityTest extends ModelTestSupport {
  @Test
  void listsMapsAndOtherPropertiesAreUnmodifiable() {
    RuntimeConfig config =
        RuntimeConfig.fromJson(
            json(
                "{\"ociVersion\": \"1\", \"mounts\": [{\"destination\": \"/p\"}],"
                    + " \"annotations\": {\"a\": \"b\"}, \"x\": 1,"
                    + " \"process\": {\"args\": [\"sh\"], \"env\": []}}"));
    assertThrows(UnsupportedOperationException.class, () -> config.mounts().clear());
    assertThrows(UnsupportedOperationException.class, () -> config.annotations().put("c", "d"));
    assertThrows(UnsupportedOperationException.class, () -> config.otherProperties().clear());
    assertThrows(UnsupportedOperationException.class, () -> config.process().args().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> config.process().env().add("x"));
  }

  @Test
  void emptyOtherPropertiesAreUnmodifiableToo() {
    User user = User.builder().uid(0L).build();
    assertTrue(user.otherProperties().isEmpty());
    assertThrows(
        UnsupportedOperationException.class,
        () -> user.otherProperties().put("x", JsonNodeFactory.instance.nullNode()));
  }

  @Test
  void collectionsGivenToConstructorsAreCopied() {
    List<String> args = new ArrayList<>(List.of("a"));
    Map<String, JsonNode> others = new LinkedHashMap<>();
    others.put("x", json("1"));
    Process p = Process.builder().args(args).otherProperties(others).build();
    Process q = p.withArgs(args);
    args.add("b");
    others.put("y", json("2"));
    assertEquals(List.of("a"), p.args());
    assertEquals(List.of("a"), q.args());
    assertEquals(List.of("x"), new ArrayList<>(p.otherProperties().keySet()));
  }

  @Test
  void toJsonReturnsAFreshTreeEachTime() {
    RuntimeConfig config =
        RuntimeConfig.fromJson(json("{\"ociVersion\": \"1\", \"x\": {\"a\": 1}}"));
    ObjectNode out = config.toJson();
    ((ObjectNode) out.get("x")).put("a", 2);
    out.put("ociVersion", "2");
    assertEquals(json("{\"ociVersion\": \"1\", \"x\": {\"a\": 1}}"), config.toJson());
  }

  @Test
  void recordDoesNotAliasTheTreeItWasReadFrom() {
    ObjectNode input = (ObjectNode) json("{\"ociVersion\": \"1\", \"x\": {\"a\": 1}}");
    RuntimeConfig config = RuntimeConfig.fromJson(input);
    ((ObjectNode) input.get("x")).put("a", 2);
    assertEquals(json("{\"a\": 1}"), config.otherProperties().get("x"));
  }

  @Test
  void collectionsInsideNullableAreUnmodifiable() {
    Features features = Features.fromJson(json("{\"hooks\": [\"prestart\"]}"));
    assertThrows(
        UnsupportedOperationException.class, () -> features.hooks().value().add("poststop"));
    ImageConfig image =
        ImageConfig.fromJson(
            json(
                "{\"architecture\": \"amd64\", \"os\": \"linux\", \"config\": {\"Env\": [\"A=B\"]}}"));
    ExecutionConfig exec = image.config().value();
    assertThrows(UnsupportedOperationException.class, () -> exec.env().value().add("C=D"));
  }
}
