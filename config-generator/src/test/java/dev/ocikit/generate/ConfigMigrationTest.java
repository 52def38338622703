package dev.ocikit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.json.JsonEquivalence;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ConfigMigrationTest {
  private static RuntimeConfig parse(String json) throws Exception {
    return RuntimeConfig.fromJson(
        StrictJson.reader().read(json.getBytes(StandardCharsets.UTF_8), "test").root());
  }

  @Test
  void bumpsVersionReportsDeprecationsKeepsTheRest() throws Exception {
    RuntimeConfig old =
        parse(
            """
            {"ociVersion": "1.0.1", "platform": {"os": "linux"},
             "process": {"cwd": "/", "args": ["sh"]},
             "hooks": {"prestart": [{"path": "/bin/netns-setup"}]},
             "linux": {"resources": {"memory": {"limit": 100, "kernel": 10, "kernelTCP": 5}}}}
            """);
    ConfigMigration.Result r = ConfigMigration.toCurrent(old);
    assertEquals("1.0.1", r.fromVersion());
    assertEquals("1.3.0", r.config().ociVersion());
    assertEquals(4, r.notes().size(), String.join("\n", r.notes()));
    assertTrue(r.notes().get(0).startsWith("/hooks/prestart"));
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("/platform ")));
    ObjectNode expected = old.toJson();
    expected.put("ociVersion", "1.3.0");
    assertTrue(JsonEquivalence.equivalent(expected, r.config().toJson()));
  }

  @Test
  void refusesOtherMajorVersions() throws Exception {
    RuntimeConfig v2 = parse("{\"ociVersion\": \"2.0.0\"}");
    assertThrows(IllegalArgumentException.class, () -> ConfigMigration.toCurrent(v2));
  }
}
