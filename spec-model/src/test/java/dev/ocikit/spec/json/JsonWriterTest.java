package dev.ocikit.spec.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** JsonWriter: two-space pretty output that reads back equivalent, and atomic file replacement. */
class JsonWriterTest extends StrictJsonSupport {
  @Test
  void prettyIsTwoSpaceIndentedWithFinalNewline() throws Exception {
    JsonNode root = tree("{\"a\":[1,{}],\"b\":{},\"c\":[]}");
    String expected = "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": {},\n  \"c\": []\n}\n";
    assertEquals(expected, new String(JsonWriter.pretty(root), StandardCharsets.UTF_8));
  }

  @Test
  void prettyOutputReadsBackToAnEquivalentTree() throws Exception {
    JsonNode root = tree("{\"k\":\"é \\\"q\\\" \\u0001\",\"n\":[1.0,null,true]}");
    JsonNode again = StrictJson.reader().read(JsonWriter.pretty(root), "again").root();
    assertTrue(JsonEquivalence.equivalent(root, again));
  }

  @Test
  void writeAtomicallyCreatesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("config.json");
    JsonNode root = tree("{\"a\": 1}");
    JsonWriter.writeAtomically(target, root);
    assertArrayEquals(JsonWriter.pretty(root), Files.readAllBytes(target));
    assertEquals(List.of(target), list(dir));
  }

  @Test
  void writeAtomicallyReplacesByRenameNotInPlace(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("index.json");
    Files.writeString(target, "{\"old\": true}\n");
    Object oldKey = Files.readAttributes(target, "unix:ino").get("ino");
    try (InputStream reader = Files.newInputStream(target)) {
      JsonWriter.writeAtomically(target, tree("{\"new\": true}"));
      // A reader that opened the old file still sees the old text in full: the target was
      // swapped by a rename, never truncated and rewritten.
      assertEquals("{\"old\": true}\n", new String(reader.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals("{\n  \"new\": true\n}\n", Files.readString(target));
    assertNotEquals(oldKey, Files.readAttributes(target, "unix:ino").get("ino"));
    assertEquals(List.of(target), list(dir));
  }

  @Test
  void failedReplaceLeavesTheTargetAndNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("busy");
    Files.createDirectories(target.resolve("child"));
    assertThrows(IOException.class, () -> JsonWriter.writeAtomically(target, tree("{}")));
    assertTrue(Files.isDirectory(target.resolve("child")));
    assertEquals(List.of(target), list(dir));
  }

  @Test
  void relativeTargetIsResolvedAgainstTheWorkingDirectory() throws Exception {
    // The temporary file must go beside the target even when the path given is relative.
    Path target = Path.of("target", "strict-json-test-" + System.nanoTime() + ".json");
    try {
      Files.createDirectories(target.getParent());
      JsonWriter.writeAtomically(target, tree("[1]"));
      assertEquals("[\n  1\n]\n", Files.readString(target));
    } finally {
      Files.deleteIfExists(target);
    }
  }

  private List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
