package dev.ocikit.validate.schema;

import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.NodeReader;
import dev.ocikit.spec.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Reads our schema files with {@link StrictJson} instead of the library's default object mapper,
 * whose set-up (date formats, locale data) costs a cold command line run tens of milliseconds, with
 * strings that print themselves ({@link SchemaStringNode}) for the same reason.
 */
final class StrictNodeReader implements NodeReader {
  @Override
  public JsonNode readTree(String content, InputFormat format) throws IOException {
    return read(content.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public JsonNode readTree(InputStream content, InputFormat format) throws IOException {
    return read(content.readAllBytes());
  }

  private static JsonNode read(byte[] bytes) throws IOException {
    JsonNode root = StrictJson.reader().read(bytes, "schema").root();
    SchemaStringNode.replaceStrings(root);
    return root;
  }
}
