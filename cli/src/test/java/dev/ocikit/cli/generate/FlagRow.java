package dev.ocikit.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** A flag table row: the arguments, where the value lands and what it is. */
final class FlagRow {
  private FlagRow() {}

  /** A row whose arguments are {@code args}; the first names the flag under test. */
  static Arguments row(List<String> args, String pointer, String expected) {
    return Arguments.of(String.join(" ", args), args, pointer, expected);
  }

  /** A one-argument row. */
  static Arguments row(String arg, String pointer, String expected) {
    return row(List.of(arg), pointer, expected);
  }

  /** Runs the row; the output must put {@code expected} at {@code pointer} and be valid (MUST). */
  static void check(List<String> args, String pointer, String expected, boolean validate) {
    GenerateRun r = GenerateRun.of(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    assertEquals(expected, r.at(pointer), pointer + " in\n" + r.out());
    if (validate) {
      assertEquals("", r.mustErrors(), r.out());
    }
  }
}
