package dev.ocikit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.generate.GeneratorOperations.Op;
import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.json.JsonEquivalence;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;

/**
 * Any sequence of generator operations gives a config that the validator accepts at MUST level and
 * that reads back exactly as written.
 */
class GeneratorPropertyTest {
  @Provide
  Arbitrary<List<Op>> operations() {
    return GeneratorOperations.any().list().ofMaxSize(25);
  }

  @Property(tries = 200)
  void everySequenceValidatesAndRoundTrips(@ForAll("operations") List<Op> ops) throws Exception {
    ConfigGenerator g = ConfigGenerator.linux();
    ops.forEach(op -> op.apply().accept(g));
    RuntimeConfig config = g.build();
    assertEquals("", Configs.errors(config), ops.toString());
    byte[] bytes = OciJson.toBytes(config);
    RuntimeConfig back = OciJson.parse(bytes, "generated", RuntimeConfig::fromJson);
    JsonNode written = config.toJson();
    assertTrue(
        JsonEquivalence.equivalent(written, back.toJson()),
        JsonEquivalence.firstDifference(written, back.toJson(), "")
            + "\n"
            + new String(bytes, StandardCharsets.UTF_8));
    assertEquals(config, back);
  }
}
