package dev.ocikit.spec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Numbers read exactly: big integers and decimals keep every digit. */
class StrictJsonNumbersTest extends StrictJsonSupport {
  @Test
  void decimalsKeepTheirScaleWhenWrittenBack() throws Exception {
    JsonNode root = tree("{\"a\": 1.50, \"b\": 0.10, \"c\": 1e2}");
    assertEquals(new BigDecimal("1.50"), root.get("a").decimalValue());
    String compact = new String(JsonWriter.compact(root), StandardCharsets.UTF_8);
    assertTrue(compact.contains("\"a\":1.50"), compact);
    assertTrue(compact.contains("\"b\":0.10"), compact);
    String pretty = new String(JsonWriter.pretty(root), StandardCharsets.UTF_8);
    assertTrue(pretty.contains("\"a\": 1.50"), pretty);
  }

  @Test
  void bigIntegersAreExact() throws Exception {
    JsonNode root =
        tree("[18446744073709551615, 9223372036854775807, -9223372036854775809, 2147483648]");
    assertEquals(new BigInteger("18446744073709551615"), root.get(0).bigIntegerValue());
    assertEquals(Long.MAX_VALUE, root.get(1).longValue());
    assertEquals(new BigInteger("-9223372036854775809"), root.get(2).bigIntegerValue());
    assertTrue(root.get(3).isIntegralNumber());
    assertEquals(
        "[18446744073709551615,9223372036854775807,-9223372036854775809,2147483648]",
        new String(JsonWriter.compact(root), StandardCharsets.UTF_8));
  }

  @Test
  void hugeExponentIsKeptByValue() throws Exception {
    JsonNode root = tree("[1e400, 123456789012345678901234567890.123456789]");
    assertEquals(0, new BigDecimal("1e400").compareTo(root.get(0).decimalValue()));
    assertEquals(
        new BigDecimal("123456789012345678901234567890.123456789"), root.get(1).decimalValue());
  }

  /** BigDecimal's scale is 32 bits; Jackson refuses larger exponents with its own exception. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "18E46744073709551615",
        "-1e-2147483649",
        "9990000000000000000e0000000000000000732885522808045570"
      })
  void exponentBeyondADecimalIsALimitNamingTheNumber(String number) {
    JsonSyntaxException e = refused("{\"a\": [" + number + "]}");
    assertEquals(JsonSyntaxException.Kind.LIMIT, e.kind(), e.getMessage());
    assertEquals("/a/0", e.pointer());
    assertEquals(new JsonLocation(1, 8), e.location());
    assertTrue(e.reason().startsWith("number " + number.substring(0, 10)), e.reason());
  }

  @Test
  void integersStayIntegral() throws Exception {
    JsonNode root = tree("[0, -1, 4294967295]");
    for (JsonNode n : root) {
      assertTrue(n.isIntegralNumber(), n.toString());
    }
  }
}
