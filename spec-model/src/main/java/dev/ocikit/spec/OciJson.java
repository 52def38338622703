package dev.ocikit.spec;

import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.json.JsonSyntaxException;
import dev.ocikit.spec.json.JsonWriter;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.model.ModelObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes OCI documents as typed model objects.
 *
 * <pre>{@code
 * RuntimeConfig config = OciJson.read(Path.of("bundle/config.json"), RuntimeConfig::fromJson);
 * OciJson.write(Path.of("bundle/config.json"), config.withHostname("web"));
 * }</pre>
 *
 * <p>Reading is strict about JSON ({@link StrictJson}) and lenient about the model: values that do
 * not fit are kept in {@link ModelObject#otherProperties()}, so writing back loses nothing.
 * Validating against the spec is the job of the validator module, not of reading.
 */
public final class OciJson {
  private OciJson() {}

  /**
   * Reads a file and binds it.
   *
   * @throws JsonSyntaxException if the file is not strict JSON (with line and column)
   * @throws dev.ocikit.spec.model.JsonShapeException if the root is not a JSON object
   */
  public static <T extends ModelObject> T read(Path file, Function<JsonNode, T> binder)
      throws IOException {
    return binder.apply(StrictJson.reader().read(file).root());
  }

  /** Parses bytes and binds them; {@code source} names the input in errors. */
  public static <T extends ModelObject> T parse(
      byte[] json, String source, Function<JsonNode, T> binder) throws JsonSyntaxException {
    return binder.apply(StrictJson.reader().read(json, source).root());
  }

  /** Reads a file as a located tree, for tools that report positions. */
  public static JsonDocument readTree(Path file) throws IOException {
    return StrictJson.reader().read(file);
  }

  /** {@return the indented UTF-8 JSON of a model object} */
  public static byte[] toBytes(ModelObject value) {
    return JsonWriter.pretty(value.toJson());
  }

  /** Writes a model object to a file atomically (write aside, then rename). */
  public static void write(Path file, ModelObject value) throws IOException {
    JsonWriter.writeAtomically(file, value.toJson());
  }
}
