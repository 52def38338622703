package dev.ocikit.spec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JsonEquivalence: key order, number spelling and string escapes do not matter; values do. */
class JsonEquivalenceTest extends StrictJsonSupport {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":1,\"b\":2}|{\"b\":2,\"a\":1}",
        "1|1.0",
        "1|1e0",
        "100|1E2",
        "1.50|1.5",
        "0|-0",
        "18446744073709551615|18446744073709551615.0",
        "[1,{\"x\":[]}]|[1.0,{\"x\":[]}]",
        "\"é\"|\"\\u00e9\"",
        "{}|{}",
        "null|null",
      })
  void equivalentPairs(String a, String b) throws Exception {
    assertTrue(JsonEquivalence.equivalent(tree(a), tree(b)));
    assertTrue(JsonEquivalence.equivalent(tree(b), tree(a)));
    assertNull(JsonEquivalence.firstDifference(tree(a), tree(b), ""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[1,2]|[2,1]|/0",
        "1|\"1\"|''",
        "true|false|''",
        "null|false|''",
        "{\"a\":null}|{}|''",
        "{\"a\":1}|{\"b\":1}|/a",
        "{\"a\":{\"b\":[1,2,3]}}|{\"a\":{\"b\":[1,2,4]}}|/a/b/2",
        "{\"a/b\":{\"~\":1}}|{\"a/b\":{\"~\":2}}|/a~1b/~0",
        "[1]|[1,1]|''",
        "{\"x\":[]}|{\"x\":{}}|/x",
        "18446744073709551615|18446744073709551614|''",
        "1.5|1.50001|''",
        "\"a\"|\"A\"|''",
      })
  void differentPairsNameTheFirstDifference(String a, String b, String pointer) throws Exception {
    assertFalse(JsonEquivalence.equivalent(tree(a), tree(b)));
    assertFalse(JsonEquivalence.equivalent(tree(b), tree(a)));
    assertEquals(pointer, JsonEquivalence.firstDifference(tree(a), tree(b), ""));
  }

  @Test
  void firstDifferenceExtendsTheGivenPrefix() throws Exception {
    assertEquals(
        "/root/k", JsonEquivalence.firstDifference(tree("{\"k\":1}"), tree("{\"k\":2}"), "/root"));
  }
}
