package dev.ocikit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.json.JsonEquivalence;
import dev.ocikit.spec.json.JsonLimits;
import dev.ocikit.spec.json.JsonSyntaxException;
import dev.ocikit.spec.json.JsonWriter;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.model.JsonShapeException;
import dev.ocikit.spec.model.ModelObject;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Strict JSON and model binding of every document type: runtime config, state and features; image
 * descriptor, manifest, index, config and {@code oci-layout}. Reading may refuse the input only
 * with a {@link JsonSyntaxException}, and binding only a root that is not an object, with a {@link
 * JsonShapeException}. What binds must keep the lossless promise: the model writes back a document
 * equivalent to the input, which the strict reader reads again (indented and compact) and binds to
 * an equal model. A reader with tiny limits must refuse with a {@code LIMIT} or agree.
 */
class JsonDocumentFuzzTest {
  private static final List<Class<? extends Exception>> SYNTAX = List.of(JsonSyntaxException.class);
  private static final StrictJson TINY = StrictJson.reader(new JsonLimits(512, 6, 48));

  @FuzzTest
  void readBindAndWriteBack(byte[] input) throws Exception {
    JsonDocument doc = Documented.orRefused(() -> StrictJson.reader().read(input, "in"), SYNTAX);
    JsonDocument tiny = Documented.orRefused(() -> TINY.read(input, "in"), SYNTAX);
    if (doc == null) {
      if (tiny != null) {
        throw new AssertionError("a reader with smaller limits accepted what the default refused");
      }
      return;
    }
    if (tiny != null && !JsonEquivalence.equivalent(doc.root(), tiny.root())) {
      throw new AssertionError("the limits changed what was read");
    }
    DocumentType.detect(doc.root());
    for (DocumentType type : DocumentType.values()) {
      ModelObject model =
          Documented.orRefused(() -> type.bind(doc.root()), List.of(JsonShapeException.class));
      if (model == null && doc.root().isObject()) {
        throw new AssertionError(type.id() + " refused to bind an object");
      }
      if (model != null) {
        assertLossless(type, doc.root(), model);
      }
    }
  }

  private static void assertLossless(DocumentType type, JsonNode input, ModelObject model)
      throws JsonSyntaxException {
    JsonNode output = model.toJson();
    String diff = JsonEquivalence.firstDifference(input, output, "");
    if (diff != null) {
      throw new AssertionError(type.id() + ": toJson differs from the input at " + diff);
    }
    for (byte[] written : List.of(JsonWriter.pretty(output), JsonWriter.compact(output))) {
      JsonNode reread = StrictJson.reader().read(written, type.id() + " as written").root();
      diff = JsonEquivalence.firstDifference(input, reread, "");
      if (diff != null) {
        throw new AssertionError(type.id() + ": written and read again, differs at " + diff);
      }
      if (!type.bind(reread).equals(model)) {
        throw new AssertionError(type.id() + ": written and read again, binds to another model");
      }
    }
  }
}
