package dev.ocikit.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.validate.RuleInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule catalog is complete, sorted, unique and carries metadata for every rule. */
class ImageRulesTest {
  @Test
  void everyConstantIsListedWithMetadata() throws IllegalAccessException {
    List<RuleInfo> constants = new ArrayList<>();
    for (Field f : ImageRules.class.getDeclaredFields()) {
      if (Modifier.isPublic(f.getModifiers()) && f.getType() == RuleInfo.class) {
        constants.add((RuleInfo) f.get(null));
      }
    }
    assertEquals(constants.size(), ImageRules.all().size());
    assertTrue(ImageRules.all().containsAll(constants));
    var ids = new HashSet<String>();
    String previous = "";
    for (RuleInfo r : ImageRules.all()) {
      assertTrue(ids.add(r.id()), "duplicate id " + r.id());
      assertTrue(r.id().compareTo(previous) > 0, "sorted by id: " + r.id());
      previous = r.id();
      assertTrue(r.id().matches("image(\\.[a-z0-9-]+)+"), r.id());
      assertTrue(
          r.specUrl()
              .matches(
                  "https://github\\.com/opencontainers/image-spec/blob/v1\\.1\\.1/[a-z-]+\\.md#[a-z0-9-]+"),
          r.specUrl());
      assertFalse(r.summary().isBlank(), r.id());
      assertTrue(r.summary().endsWith("."), r.id());
    }
  }
}
