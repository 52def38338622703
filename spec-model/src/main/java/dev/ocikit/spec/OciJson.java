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
   * @param <T> the model type
   * @param file the JSON file
   * @param binder the model type's {@code fromJson}, e.g. {@code RuntimeConfig::fromJson}
   * @return the bound value
   * @throws JsonSyntaxException if the file is not strict JSON (with line and column)
   * @throws dev.ocikit.spec.model.JsonShapeException if the root is not a JSON object
   */
  public static <T extends ModelObject> T read(Path file, Function<JsonNode, T> binder)
      throws IOException {
    return binder.apply(StrictJson.reader().read(file).root());
  }

  /**
   * Parses bytes and binds them; {@code source} names the input in errors.
   *
   * @param <T> the model type
   * @param json UTF-8 JSON bytes
   * @param source the input's name for messages
   * @param binder the model type's {@code fromJson}
   * @return the bound value
   * @throws JsonSyntaxException if the bytes are not strict JSON
   */
  public static <T extends ModelObject> T parse(
      byte[] json, String source, Function<JsonNode, T> binder) throws JsonSyntaxException {
    return binder.apply(StrictJson.reader().read(json, source).root());
  }

  /**
   * Reads a file as a located tree, for tools that report positions.
   *
   * @param file the JSON file
   * @return the tree with line and column of every value
   * @throws IOException if the file cannot be read or is not strict JSON
   */
  public static JsonDocument readTree(Path file) throws IOException {
    return StrictJson.reader().read(file);
  }

  /**
   * {@return the indented UTF-8 JSON of a model object}
   *
   * @param value the value to write
   */
  public static byte[] toBytes(ModelObject value) {
    return JsonWriter.pretty(value.toJson());
  }

  /**
   * Writes a model object to a file atomically (write aside, then rename).
   *
   * @param file the file to write or replace
   * @param value the value to write
   * @throws IOException if the write or the rename fails; {@code file} is then unchanged
   */
  public static void write(Path file, ModelObject value) throws IOException {
    JsonWriter.writeAtomically(file, value.toJson());
  }
}
