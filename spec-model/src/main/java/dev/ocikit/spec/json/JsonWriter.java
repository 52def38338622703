package dev.ocikit.spec.json;

import dev.ocikit.spec.file.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
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

  /**
   * {@return the indented UTF-8 bytes of {@code node}, ending with a newline}
   *
   * @param node the value to write
   */
  public static byte[] pretty(JsonNode node) {
    String text = MAPPER.writer().with(PRINTER).writeValueAsString(node);
    return (text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * {@return compact UTF-8 bytes, as for content-addressed blobs}
   *
   * @param node the value to write
   */
  public static byte[] compact(JsonNode node) {
    return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(node);
  }

  /**
   * Writes {@code node} to {@code target} without ever leaving a half-written file, with the mode a
   * new file gets under the umask ({@link AtomicFile}).
   *
   * @param target the file to write or replace
   * @param node the value to write
   * @throws IOException if the write or the rename fails; {@code target} is then unchanged
   */
  public static void writeAtomically(Path target, JsonNode node) throws IOException {
    byte[] bytes = pretty(node);
    AtomicFile.write(target, out -> out.write(bytes));
  }
}
