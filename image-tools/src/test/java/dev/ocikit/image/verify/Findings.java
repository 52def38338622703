package dev.ocikit.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Severity;
import dev.ocikit.check.ValidationResult;
import java.util.List;
import java.util.stream.Collectors;

/** Assertions that fail on a missing finding and on an unexpected one. */
final class Findings {
  private Findings() {}

  static String render(ValidationResult r) {
    return r.findings().stream()
        .map(f -> f.severity() + " " + f.ruleId() + " @ " + f.location() + ": " + f.message())
        .collect(Collectors.joining("\n"));
  }

  /** No findings at all. */
  static void assertClean(ValidationResult r) {
    assertEquals(List.of(), r.findings(), () -> "unexpected findings:\n" + render(r));
    assertTrue(r.valid());
  }

  /** Exactly one finding, of {@code ruleId} and {@code severity}, whose message has every part. */
  static Finding assertOnly(
      ValidationResult r, String ruleId, Severity severity, String... messageParts) {
    assertEquals(1, r.findings().size(), () -> "expected only " + ruleId + ", got:\n" + render(r));
    Finding f = r.findings().get(0);
    assertEquals(ruleId, f.ruleId(), () -> render(r));
    assertEquals(severity, f.severity(), () -> render(r));
    for (String part : messageParts) {
      assertTrue(f.message().contains(part), () -> "message lacks \"" + part + "\": " + render(r));
    }
    return f;
  }
}
