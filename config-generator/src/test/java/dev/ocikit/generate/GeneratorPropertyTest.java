package dev.ocikit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.generate.GeneratorOperations.Op;
import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.json.JsonEquivalence;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;

/**
 * Any sequence of generator operations gives a config that the validator accepts at MUST level and
 * that reads back exactly as written.
 */
class GeneratorPropertyTest {
  @Provide
  Arbitrary<List<Op>> operations() {
    return Arbitraries.oneOf(GeneratorOperations.any(), FeatureOperations.any())
        .list()
        .ofMaxSize(25);
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

  @Provide
  Arbitrary<Tuple.Tuple2<String, List<Op>>> platformOperations() {
    return Arbitraries.of("windows", "solaris", "vm", "freebsd", "zos")
        .flatMap(
            os ->
                PlatformOperations.forPlatform(os)
                    .list()
                    .ofMaxSize(15)
                    .map(ops -> Tuple.of(os, ops)));
  }

  @Property(tries = 100)
  void everyPlatformSequenceValidatesAndRoundTrips(
      @ForAll("platformOperations") Tuple.Tuple2<String, List<Op>> run) throws Exception {
    ConfigGenerator g = ConfigGenerator.forPlatform(run.get1());
    run.get2().forEach(op -> op.apply().accept(g));
    RuntimeConfig config = g.build();
    assertEquals("", Configs.errors(config), run.toString());
    RuntimeConfig back =
        OciJson.parse(OciJson.toBytes(config), "generated", RuntimeConfig::fromJson);
    assertEquals(config, back);
  }
}
