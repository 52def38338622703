package dev.ocikit.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.RuleInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule catalog is complete, sorted, unique and carries metadata for every rule. */
class ImageRulesTest {
  @Test
  void everyConstantIsListedWithMetadata() throws Exception {
    // Rules are declared beside the code that raises them: every RuleInfo constant of the
    // package must be in the list (BLOB_PRESENT_REQUIRED is BLOB_PRESENT at another level).
    List<RuleInfo> constants = new ArrayList<>();
    Path dir = Path.of(ImageRules.class.getResource("ImageRules.class").toURI()).getParent();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = f.getFileName().toString().replaceFirst("\\.class$", "");
        Class<?> c = Class.forName(ImageRules.class.getPackageName() + "." + name);
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())
              && field.getType() == RuleInfo.class
              && !field.getName().equals("BLOB_PRESENT_REQUIRED")) {
            field.setAccessible(true);
            RuleInfo r = (RuleInfo) field.get(null);
            if (!constants.contains(r)) {
              constants.add(r);
            }
          }
        }
      }
    }
    assertTrue(constants.size() > 25, "found " + constants.size() + " rule constants");
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
