package dev.ocikit.spec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.file.FileKindException;
import dev.ocikit.spec.json.JsonSyntaxException.Kind;
import dev.ocikit.spec.testing.SpecialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Size, depth, length and file-kind limits of {@link StrictJson}'s reader. */
class StrictJsonLimitsTest extends StrictJsonSupport {
  @Test
  void depthAtTheLimitIsReadAndOneDeeperIsRefused() throws Exception {
    JsonNode ok = StrictJson.reader(SMALL).read("[[[[[1]]]]]".getBytes(), "ok").root();
    assertEquals(1, ok.at("/0/0/0/0/0").intValue());
    JsonSyntaxException e = refusedWith(SMALL, "[[[[[[1]]]]]]");
    assertEquals(Kind.LIMIT, e.kind());
    assertTrue(e.reason().contains("depth"), e.reason());
  }

  @Test
  void objectsCountTowardsDepth() {
    assertEquals(
        Kind.LIMIT, refusedWith(SMALL, "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{}}}}}}").kind());
  }

  @Test
  void defaultDepthLimitStopsAHostileDocumentWithoutStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertEquals(Kind.LIMIT, refused(deep).kind());
  }

  @Test
  void stringLongerThanTheLimitIsRefused() throws Exception {
    assertEquals(
        "a".repeat(20),
        StrictJson.reader(SMALL)
            .read(("\"" + "a".repeat(20) + "\"").getBytes(), "ok")
            .root()
            .asString());
    JsonSyntaxException e = refusedWith(SMALL, "\"" + "a".repeat(21) + "\"");
    assertEquals(Kind.LIMIT, e.kind());
  }

  @Test
  void memberNameLongerThanTheLimitIsRefused() {
    assertEquals(Kind.LIMIT, refusedWith(SMALL, "{\"" + "n".repeat(21) + "\": 1}").kind());
  }

  @Test
  void documentLargerThanTheLimitIsRefusedBeforeParsing() {
    // Not even JSON: the size check must come first.
    JsonSyntaxException e = refusedWith(SMALL, "x".repeat(1001));
    assertEquals(Kind.LIMIT, e.kind());
    assertTrue(e.reason().contains("1001"), e.reason());
  }

  @Test
  void documentFileLargerThanTheLimitIsRefused(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.json");
    Files.writeString(big, "[" + "1,".repeat(600) + "1]");
    JsonSyntaxException e =
        assertThrows(JsonSyntaxException.class, () -> StrictJson.reader(SMALL).read(big));
    assertEquals(Kind.LIMIT, e.kind());
    assertEquals(big.toString(), e.source());
  }

  @Test
  void aSpecialFileIsRefusedBeforeItIsOpened(@TempDir Path dir) throws Exception {
    Path fifo = SpecialFiles.fifo(dir, "config.json");
    for (Path p : List.of(fifo, SpecialFiles.DEV_ZERO)) {
      FileKindException e =
          SpecialFiles.withoutHanging(
              fifo, () -> assertThrows(FileKindException.class, () -> StrictJson.reader().read(p)));
      assertTrue(e.getMessage().startsWith(p + ": is a "), e.getMessage());
    }
  }

  @Test
  void aHugeFileIsRefusedWithoutBeingRead(@TempDir Path dir) throws IOException {
    Path huge = SpecialFiles.sparse(dir, "huge.json", 3L << 30);
    JsonSyntaxException e =
        assertThrows(JsonSyntaxException.class, () -> StrictJson.reader().read(huge));
    assertEquals(Kind.LIMIT, e.kind());
    assertEquals("document is larger than the limit of 67108864 bytes", e.reason());
  }

  @Test
  void nonPositiveLimitsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new JsonLimits(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new JsonLimits(1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new JsonLimits(1, 1, -1));
  }
}
