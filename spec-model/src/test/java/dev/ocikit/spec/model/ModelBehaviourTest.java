package dev.ocikit.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.json.JsonWriter;
import dev.ocikit.spec.runtime.ContainerStatus;
import dev.ocikit.spec.runtime.Features;
import dev.ocikit.spec.runtime.LinuxCPU;
import dev.ocikit.spec.runtime.LinuxMemory;
import dev.ocikit.spec.runtime.Mount;
import dev.ocikit.spec.runtime.Namespace;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.Root;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.spec.runtime.State;
import dev.ocikit.spec.runtime.User;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Group;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ModelBehaviourTest extends ModelTestSupport {
  /**
   * Runs {@link RandomRoundTripProperties} in the default build: surefire only picks up classes
   * named {@code *Test}, and jqwik finds properties of a {@code @Group} inside one.
   */
  @Group
  class RandomRoundTrip extends RandomRoundTripProperties {}

  @Nested
  class OpenEnums {
    @Test
    void unknownStatusIsKeptAndWrittenBack() {
      JsonNode input =
          json(
              "{\"ociVersion\": \"1.3.0\", \"id\": \"c1\", \"status\": \"paused\", \"pid\": 7,"
                  + " \"bundle\": \"/b\"}");
      State state = State.fromJson(input);
      assertEquals("paused", state.status().value());
      assertFalse(state.status().isKnown());
      assertTrue(state.otherProperties().isEmpty(), "an unknown value is not a misfit");
      assertEquals("paused", state.toJson().get("status").asString());
      assertRoundTrips(input, state);
    }

    @Test
    void knownValueResolvesToTheConstant() {
      State state = State.fromJson(json("{\"id\": \"c\", \"status\": \"running\"}"));
      assertSame(ContainerStatus.RUNNING, state.status());
      assertTrue(state.status().isKnown());
    }

    @Test
    void ofUnknownIsEqualByValueButNotKnown() {
      ContainerStatus a = ContainerStatus.of("frozen");
      assertEquals(a, ContainerStatus.of("frozen"));
      assertEquals(a.hashCode(), ContainerStatus.of("frozen").hashCode());
      assertNotEquals(a, ContainerStatus.STOPPED);
      assertFalse(ContainerStatus.knownValues().contains(a));
      assertEquals(
          List.of("creating", "created", "running", "stopped"),
          ContainerStatus.knownValues().stream().map(ContainerStatus::value).toList());
      assertThrows(NullPointerException.class, () -> ContainerStatus.of(null));
    }

    @Test
    void valuesAreCaseSensitive() {
      assertFalse(ContainerStatus.of("Running").isKnown());
      assertFalse(NamespaceType.of("PID").isKnown());
    }

    @Test
    void unknownEnumInsideAListIsKept() {
      JsonNode input =
          json(
              "{\"ociVersion\": \"1.3.0\", \"linux\": {\"namespaces\":"
                  + " [{\"type\": \"pid\"}, {\"type\": \"future-ns\", \"path\": \"/x\"}]}}");
      RuntimeConfig config = RuntimeConfig.fromJson(input);
      List<Namespace> ns = config.linux().namespaces();
      assertSame(NamespaceType.PID, ns.get(0).type());
      assertEquals(NamespaceType.of("future-ns"), ns.get(1).type());
      assertFalse(ns.get(1).type().isKnown());
      assertRoundTrips(input, config);
    }

    @Test
    void enumOfWrongJsonTypeIsAMisfit() {
      JsonNode input = json("{\"id\": \"c\", \"status\": 3}");
      State state = State.fromJson(input);
      assertNull(state.status());
      assertEquals(json("3"), state.otherProperties().get("status"));
      assertRoundTrips(input, state);
    }
  }

  @Nested
  class Misfits {
    @Test
    void stringUidIsKeptInOtherPropertiesAndWrittenBackUnchanged() {
      JsonNode input = json("{\"uid\": \"0\", \"gid\": 5}");
      User user = User.fromJson(input);
      assertNull(user.uid());
      assertEquals(5L, user.gid());
      assertEquals(Map.of("uid", json("\"0\"")), user.otherProperties());
      assertEquals("\"0\"", user.toJson().get("uid").toString());
      assertRoundTrips(input, user);
    }

    @Test
    void stringArgsIsKeptInOtherPropertiesAndWrittenBackUnchanged() {
      JsonNode input =
          json("{\"ociVersion\": \"1.3.0\", \"process\": {\"cwd\": \"/\", \"args\": \"sh\"}}");
      RuntimeConfig config = RuntimeConfig.fromJson(input);
      assertNull(config.process().args());
      assertEquals("/", config.process().cwd());
      assertEquals(json("\"sh\""), config.process().otherProperties().get("args"));
      assertRoundTrips(input, config);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"uid\": 1.5}",
          "{\"uid\": true}",
          "{\"uid\": null}",
          "{\"uid\": [0]}",
          "{\"uid\": {\"n\": 0}}",
          "{\"uid\": 9223372036854775808}",
          "{\"additionalGids\": [1, \"2\"]}",
          "{\"additionalGids\": 1}",
          "{\"username\": 7}",
        })
    void everyKindOfMisfitRoundTrips(String text) {
      JsonNode input = json(text);
      User user = User.fromJson(input);
      String key = input.propertyNames().iterator().next();
      assertTrue(user.otherProperties().containsKey(key), () -> key + " not kept: " + user);
      assertRoundTrips(input, user);
    }

    @Test
    void int64OverflowIsNotWrappedIntoALong() {
      JsonNode input = json("{\"limit\": 9223372036854775808, \"swap\": -1}");
      LinuxMemory memory = LinuxMemory.fromJson(input);
      assertNull(memory.limit());
      assertEquals(-1L, memory.swap());
      assertRoundTrips(input, memory);
    }

    @Test
    void int32FieldRefusesLongValues() {
      JsonNode input = json("{\"id\": \"c\", \"pid\": 4294967296}");
      State state = State.fromJson(input);
      assertNull(state.pid());
      assertRoundTrips(input, state);
    }

    @Test
    void misfitObjectMemberIsKeptWhole() {
      JsonNode input = json("{\"ociVersion\": \"1.3.0\", \"root\": \"rootfs\", \"linux\": []}");
      RuntimeConfig config = RuntimeConfig.fromJson(input);
      assertNull(config.root());
      assertNull(config.linux());
      assertEquals(2, config.otherProperties().size());
      assertRoundTrips(input, config);
    }

    @Test
    void nonObjectRootIsAShapeError() {
      JsonShapeException e =
          assertThrows(JsonShapeException.class, () -> RuntimeConfig.fromJson(json("[1]")));
      assertTrue(e.getMessage().contains("RuntimeConfig"), e.getMessage());
      assertThrows(JsonShapeException.class, () -> State.fromJson(null));
      assertThrows(JsonShapeException.class, () -> DocumentType.IMAGE_MANIFEST.bind(json("\"x\"")));
    }
  }

  @Nested
  class UnknownProperties {
    private static final String DEEP =
        "{\"ociVersion\": \"1.3.0\", \"x-root\": {\"keep\": [1, 2]},"
            + " \"process\": {\"cwd\": \"/\", \"x-process\": null,"
            + "   \"user\": {\"uid\": 0, \"x-user\": 1.50},"
            + "   \"rlimits\": [{\"type\": \"RLIMIT_NOFILE\", \"hard\": 1, \"soft\": 1, \"x-rl\": \"r\"}]},"
            + " \"mounts\": [{\"destination\": \"/proc\", \"x-mount\": {\"deep\": {\"er\": true}}}],"
            + " \"linux\": {\"resources\": {\"cpu\": {\"shares\": 1024, \"x-cpu\": \"c\"}},"
            + "   \"x-linux\": 18446744073709551616}}";

    @Test
    void survivePerObjectAndOnTheWayBack() {
      JsonNode input = json(DEEP);
      RuntimeConfig config = RuntimeConfig.fromJson(input);
      assertEquals(json("{\"keep\": [1, 2]}"), config.otherProperties().get("x-root"));
      assertTrue(config.process().otherProperties().get("x-process").isNull());
      assertEquals(json("1.50"), config.process().user().otherProperties().get("x-user"));
      assertEquals(json("\"r\""), config.process().rlimits().get(0).otherProperties().get("x-rl"));
      Mount mount = config.mounts().get(0);
      assertEquals("/proc", mount.destination());
      assertEquals(json("{\"deep\": {\"er\": true}}"), mount.otherProperties().get("x-mount"));
      assertEquals(json("\"c\""), config.linux().resources().cpu().otherProperties().get("x-cpu"));
      assertEquals(
          new BigInteger("18446744073709551616"),
          config.linux().otherProperties().get("x-linux").bigIntegerValue());
      assertRoundTrips(input, config);
    }

    @Test
    void writtenTextKeepsDecimalScaleOfUnknownValues() {
      String text =
          new String(OciJson.toBytes(RuntimeConfig.fromJson(json(DEEP))), StandardCharsets.UTF_8);
      assertTrue(text.contains("\"x-user\": 1.50"), text);
      assertTrue(text.contains("\"x-linux\": 18446744073709551616"), text);
    }

    @Test
    void knownPropertiesAreWrittenBeforeUnknownOnes() {
      RuntimeConfig config =
          RuntimeConfig.fromJson(
              json("{\"x-first\": 1, \"hostname\": \"h\", \"ociVersion\": \"1\"}"));
      List<String> names = new ArrayList<>();
      config.toJson().propertyNames().forEach(names::add);
      assertEquals(List.of("ociVersion", "hostname", "x-first"), names);
    }

    @Test
    void otherPropertiesKeepDocumentOrder() {
      User user = User.fromJson(json("{\"z\": 1, \"uid\": 0, \"a\": 2, \"m\": 3}"));
      assertEquals(List.of("z", "a", "m"), new ArrayList<>(user.otherProperties().keySet()));
    }

    @Test
    void aPropertyNamedLikeAJavaMemberIsJustUnknown() {
      JsonNode input = json("{\"otherProperties\": {}, \"toJson\": 1, \"class\": \"c\"}");
      Root root = Root.fromJson(input);
      assertEquals(3, root.otherProperties().size());
      assertRoundTrips(input, root);
    }
  }

  @Nested
  class NullableTriState {
    @Test
    void absentNullAndEmptyAreDistinctAfterARoundTrip() {
      Features absent = Features.fromJson(json("{\"ociVersionMin\": \"1.0.0\"}"));
      Features isNull = Features.fromJson(json("{\"ociVersionMin\": \"1.0.0\", \"hooks\": null}"));
      Features empty = Features.fromJson(json("{\"ociVersionMin\": \"1.0.0\", \"hooks\": []}"));

      assertNull(absent.hooks());
      assertTrue(isNull.hooks().isNull());
      assertNull(isNull.hooks().value());
      assertFalse(empty.hooks().isNull());
      assertEquals(List.of(), empty.hooks().value());

      Features absent2 = Features.fromJson(absent.toJson());
      Features isNull2 = Features.fromJson(isNull.toJson());
      Features empty2 = Features.fromJson(empty.toJson());
      assertEquals(absent, absent2);
      assertEquals(isNull, isNull2);
      assertEquals(empty, empty2);
      assertNotEquals(absent2, isNull2);
      assertNotEquals(isNull2, empty2);
      assertNotEquals(absent2, empty2);

      assertFalse(absent2.toJson().has("hooks"));
      assertTrue(isNull2.toJson().get("hooks").isNull());
      assertTrue(empty2.toJson().get("hooks").isArray());
      assertEquals(0, empty2.toJson().get("hooks").size());
      assertTrue(isNull2.otherProperties().isEmpty(), "null is a value here, not a misfit");
    }

    @Test
    void nestedNullsSurvive() {
      JsonNode input =
          json(
              "{\"linux\": {\"seccomp\": {\"enabled\": null, \"actions\": []},"
                  + " \"apparmor\": null, \"namespaces\": [\"pid\"]}}");
      Features features = Features.fromJson(input);
      var linux = features.linux().value();
      assertTrue(linux.apparmor().isNull());
      assertTrue(linux.seccomp().value().enabled().isNull());
      assertEquals(List.of(), linux.seccomp().value().actions().value());
      assertNull(linux.selinux());
      assertRoundTrips(input, features);
    }

    @Test
    void builtNullableIsWrittenAsNull() {
      Features built =
          Features.builder().ociVersionMin("1.0.0").mountOptions(Nullable.ofNull()).build();
      assertEquals(json("{\"ociVersionMin\": \"1.0.0\", \"mountOptions\": null}"), built.toJson());
    }

    @Test
    void nullableEqualityAndFactories() {
      assertEquals(Nullable.ofNull(), Nullable.ofNull());
      assertEquals(Nullable.of(List.of()), Nullable.of(List.of()));
      assertNotEquals(Nullable.ofNull(), Nullable.of(List.of()));
      assertThrows(NullPointerException.class, () -> Nullable.of(null));
      assertEquals("null", Nullable.ofNull().toString());
    }

    @Test
    void misfitInsideNullableIsKept() {
      JsonNode input = json("{\"hooks\": \"prestart\"}");
      Features features = Features.fromJson(input);
      assertNull(features.hooks());
      assertEquals(json("\"prestart\""), features.otherProperties().get("hooks"));
      assertRoundTrips(input, features);
    }
  }

  @Nested
  class Numbers {
    @Test
    void uint64MaxIsExact() {
      JsonNode input = json("{\"shares\": 18446744073709551615, \"period\": 100000}");
      LinuxCPU cpu = LinuxCPU.fromJson(input);
      assertEquals(new BigInteger("18446744073709551615"), cpu.shares());
      assertEquals(BigInteger.valueOf(100000), cpu.period());
      assertTrue(cpu.otherProperties().isEmpty());
      String text = new String(JsonWriter.compact(cpu.toJson()), StandardCharsets.UTF_8);
      assertTrue(text.contains("\"shares\":18446744073709551615"), text);
      assertRoundTrips(input, cpu);
    }

    @Test
    void builtBigIntegerIsWrittenExactly() {
      BigInteger max = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
      LinuxCPU cpu = LinuxCPU.builder().shares(max).realtimePeriod(max).build();
      assertEquals(max, cpu.toJson().get("shares").bigIntegerValue());
      assertEquals(cpu, LinuxCPU.fromJson(cpu.toJson()));
    }

    @Test
    void int64ExtremesAreExact() {
      JsonNode input =
          json("{\"limit\": 9223372036854775807, \"reservation\": -9223372036854775808}");
      LinuxMemory memory = LinuxMemory.fromJson(input);
      assertEquals(Long.MAX_VALUE, memory.limit());
      assertEquals(Long.MIN_VALUE, memory.reservation());
      assertRoundTrips(input, memory);
    }
  }
}
