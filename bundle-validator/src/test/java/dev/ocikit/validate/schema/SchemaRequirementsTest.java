package dev.ocikit.validate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.check.Finding;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.validate.DocumentValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema finding carries the requirements catalogued for the failing value's own schema (reached
 * through {@code $ref}s), never those of an enclosing object.
 */
class SchemaRequirementsTest {
  @TempDir Path tmp;

  private List<Finding> findings(String json) throws IOException {
    Path file = Files.writeString(tmp.resolve("config.json"), json);
    return new DocumentValidator(ValidationOptions.DEFAULT)
        .validate(file, DocumentType.RUNTIME_CONFIG)
        .findings();
  }

  @Test
  void aBadUidBreaksTheUidRequirementNotOneOfProcess() throws IOException {
    List<Finding> got =
        findings(
            "{\"ociVersion\":\"1.3.0\",\"process\":{\"cwd\":\"/\",\"args\":[\"sh\"],"
                + "\"user\":{\"uid\":-1,\"gid\":0}}}");
    assertEquals(1, got.size(), got::toString);
    assertEquals("schema.minimum", got.get(0).ruleId());
    assertEquals(List.of("rt.config.user.uid-required"), got.get(0).requirements());
  }

  @Test
  void aMissingMemberBreaksTheRequirementCataloguedOnTheObject() throws IOException {
    List<Finding> got = findings("{\"process\":{\"cwd\":\"/\",\"args\":[\"sh\"]}}");
    Finding missing =
        got.stream().filter(f -> f.ruleId().equals("schema.required")).findFirst().orElseThrow();
    assertEquals("", missing.location().pointer(), got::toString);
    assertEquals(List.of("rt.config.oci-version.required"), missing.requirements());
  }
}
