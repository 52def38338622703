package dev.ocikit.spec.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes JSON as UTF-8: indented by two spaces with a final newline, or compact. */
public final class JsonWriter {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  // "key": value, two-space indent: the shape runtimes and registries commonly emit.
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private JsonWriter() {}

  /** Returns the indented UTF-8 bytes of {@code node}, ending with a newline. */
  public static byte[] pretty(JsonNode node) {
    String text = MAPPER.writer().with(PRINTER).writeValueAsString(node);
    return (text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Returns compact UTF-8 bytes, as for content-addressed blobs. */
  public static byte[] compact(JsonNode node) {
    return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(node);
  }

  /**
   * Writes {@code node} to {@code target} without ever leaving a half-written file: the text goes
   * to a sibling temporary file that is synced and then renamed over the target.
   */
  public static void writeAtomically(Path target, JsonNode node) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
        out.write(pretty(node));
      } catch (FileSystemException e) {
        throw e;
      } catch (IOException e) {
        // A full disk says only "No space left on device": name the file it was for.
        throw new FileSystemException(target.toString(), null, e.getMessage());
      }
      try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
