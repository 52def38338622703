package dev.ocikit.validate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ocikit.spec.json.StrictJson;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

class SchemaStringNodeTest {
  /** Error messages quote enum values through toString(): ours must print exactly as Jackson's. */
  @Property
  void printsLikeJackson(@ForAll String value) {
    assertEquals(new StringNode(value).toString(), new SchemaStringNode(value).toString());
  }

  @Test
  void escapesEveryControlCharacterLikeJackson() {
    for (char c = 0; c < 0x80; c++) {
      String v = "a" + c + "\"\\";
      assertEquals(
          new StringNode(v).toString(), new SchemaStringNode(v).toString(), "char " + (int) c);
    }
  }

  @Property
  void equalToPlainStringNodesBothWays(@ForAll String value) {
    StringNode plain = new StringNode(value);
    SchemaStringNode ours = new SchemaStringNode(value);
    assertEquals(plain, ours);
    assertEquals(ours, plain);
    assertEquals(plain.hashCode(), ours.hashCode());
  }

  @Test
  void replacesStringsAtEveryDepth() throws Exception {
    JsonNode root =
        StrictJson.reader()
            .read(
                "{\"a\":\"x\",\"b\":[\"y\",{\"c\":\"z\"}],\"n\":1}"
                    .getBytes(StandardCharsets.UTF_8),
                "t")
            .root();
    SchemaStringNode.replaceStrings(root);
    assertInstanceOf(SchemaStringNode.class, root.get("a"));
    assertInstanceOf(SchemaStringNode.class, root.get("b").get(0));
    assertInstanceOf(SchemaStringNode.class, root.get("b").get(1).get("c"));
    assertEquals("{\"a\":\"x\",\"b\":[\"y\",{\"c\":\"z\"}],\"n\":1}", root.toString());
  }
}
