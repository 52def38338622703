package dev.ocikit.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelGeneratorTest extends GeneratorTestSupport {
  @Nested
  class NamesTest {
    @ParameterizedTest
    @CsvSource({
      "DNSSearchList,dnsSearchList",
      "os.version,osVersion",
      "diff_ids,diffIds",
      "ExposedPorts,exposedPorts",
      "uidMappings,uidMappings",
      "URL,url",
      "IOPriority,ioPriority",
      "Env,env",
      "os.features,osFeatures",
      "oomScoreAdj,oomScoreAdj",
      "123abc,_123abc",
    })
    void camel(String raw, String expected) {
      assertEquals(expected, Names.camel(raw));
    }

    @ParameterizedTest
    @CsvSource({
      "diff_ids,DiffIds",
      "os.version,OsVersion",
      "cpu,Cpu",
      "DNSSearchList,DNSSearchList",
      "x-known,XKnown",
    })
    void pascal(String raw, String expected) {
      assertEquals(expected, Names.pascal(raw));
    }

    @ParameterizedTest
    @CsvSource({
      "SCMP_ACT_ALLOW,SCMP_ACT_ALLOW",
      "tar+gzip,TAR_GZIP",
      "pid,PID",
      "createRuntime,CREATE_RUNTIME",
      "application/vnd.oci.image.layer.v1.tar+zstd,APPLICATION_VND_OCI_IMAGE_LAYER_V1_TAR_ZSTD",
      "SCMP_ARCH_X86_64,SCMP_ARCH_X86_64",
      "1.0,V_1_0",
      "--,V_",
      "a  b,A_B",
    })
    void constant(String raw, String expected) {
      assertEquals(expected, Names.constant(raw));
    }

    @Test
    void keywordsAndRecordMembersAreReserved() {
      for (String name :
          List.of("class", "default", "record", "var", "toJson", "otherProperties")) {
        assertTrue(Names.isReserved(name), name);
      }
      assertFalse(Names.isReserved("classValue"));
      assertFalse(Names.isReserved("path"));
    }

    @Test
    void literalEscapesForJavaSource() {
      assertEquals("\"a\\\"b\\\\c\\n\\u00e9\"", Names.literal("a\"b\\c\né"));
    }

    @Test
    void docEscapesCommentEndAndTags() {
      String escaped = Names.doc("ends */ here, @param x, <b> & \\u0041");
      assertFalse(escaped.contains("*/"), escaped);
      assertFalse(escaped.contains("@"), escaped);
      assertFalse(escaped.contains("<b>"), escaped);
      assertTrue(escaped.contains("\\\\u0041"), escaped);
    }
  }

  @Test
  void realSchemasGenerateTheExpectedModel() throws IOException {
    Path repo = Path.of("").toAbsolutePath();
    while (repo != null && !Files.isDirectory(repo.resolve("schemas/runtime-spec"))) {
      repo = repo.getParent();
    }
    assertTrue(repo != null, "schemas/ not found above the working directory");
    Path out = tmp.resolve("real");
    ModelGenerator.generate(repo.resolve("schemas/runtime-spec"), "dev.ocikit.spec.runtime", out);
    Path dir = out.resolve("dev/ocikit/spec/runtime");
    String cpu = Files.readString(dir.resolve("LinuxCPU.java"));
    assertComponent(cpu, "java.math.BigInteger", "shares");
    String features = Files.readString(dir.resolve("Features.java"));
    assertComponent(features, "dev.ocikit.spec.model.Nullable<java.util.List<String>>", "hooks");
    String state = Files.readString(dir.resolve("State.java"));
    assertComponent(state, "ContainerStatus", "status");
    assertTrue(Files.readString(dir.resolve("ContainerStatus.java")).contains(" CREATED = "));
  }
}
