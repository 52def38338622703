package dev.ocikit.conformance;

import dev.ocikit.spec.file.InputFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Known failures of a runtime, so a CI run fails only on new ones. Plain text, one entry a line:
 * {@code test-id runtime reason-with-link}; fields separated by runs of whitespace, the reason is
 * the rest of the line; {@code #} starts a comment line; runtime {@code *} matches any. A reason
 * starting {@value #INTERMITTENT} marks a runtime defect that shows only sometimes: a failure is
 * XFAIL, a pass is PASS (not a stale XPASS).
 */
public final class ExpectedFailures {
  /** The reason prefix of an entry whose failure comes and goes. */
  public static final String INTERMITTENT = "intermittent:";

  private final Map<String, String> reasons;

  private ExpectedFailures(Map<String, String> reasons) {
    this.reasons = Map.copyOf(reasons);
  }

  /**
   * Whether an entry's reason marks a failure that shows only sometimes.
   *
   * @param reason an entry's reason
   * @return true when it starts with {@value #INTERMITTENT}
   */
  public static boolean isIntermittent(String reason) {
    return reason.startsWith(INTERMITTENT);
  }

  /** {@return expected failures that list nothing, so that every failure is a FAIL} */
  public static ExpectedFailures none() {
    return new ExpectedFailures(Map.of());
  }

  /** The largest expected-failures file read (a few KiB in practice). */
  public static final long MAX_FILE_BYTES = 1L << 20;

  /**
   * Reads a file; throws on a line that lacks a reason, so entries always say why. The file must be
   * a regular file (a FIFO is refused, not waited on) of at most {@link #MAX_FILE_BYTES}.
   *
   * @param file the expected-failures file
   * @return its entries
   * @throws IOException when it cannot be read, is not a regular file, is larger than {@link
   *     #MAX_FILE_BYTES} or is not UTF-8
   * @throws IllegalArgumentException naming the file and line, when a line has fewer than the three
   *     fields
   */
  public static ExpectedFailures read(Path file) throws IOException {
    return parse(lines(file), file.toString());
  }

  /**
   * {@return the lines of an expected-failures file, read as {@link #read} reads them}
   *
   * @param file the expected-failures file
   * @throws IOException when it cannot be read, is not a regular file, is larger than {@link
   *     #MAX_FILE_BYTES} or is not UTF-8
   */
  public static List<String> lines(Path file) throws IOException {
    return InputFile.readLines(file, MAX_FILE_BYTES);
  }

  /**
   * Parses lines in the file format.
   *
   * @param lines the lines, without line ends
   * @param source what names the lines in error messages, e.g. the file's path
   * @return the entries; a later entry for the same test and runtime replaces an earlier one
   * @throws IllegalArgumentException naming {@code source} and the line number, when a line that is
   *     neither blank nor a comment has fewer than the three fields
   */
  public static ExpectedFailures parse(List<String> lines, String source) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      if (parts.length < 3) {
        throw new IllegalArgumentException(
            source + ":" + (i + 1) + ": want `test-id runtime reason`, got: " + line);
      }
      map.put(parts[0] + " " + parts[1], parts[2]);
    }
    return new ExpectedFailures(map);
  }

  /**
   * {@return the reason {@code testId} is expected to fail on {@code runtime}, if listed}
   *
   * @param testId a conformance test id, e.g. {@code lifecycle.start-twice}
   * @param runtime a runtime's name in reports; an entry for this name wins over one for {@code *}
   */
  public Optional<String> reason(String testId, String runtime) {
    String r = reasons.get(testId + " " + runtime);
    return Optional.ofNullable(r != null ? r : reasons.get(testId + " *"));
  }
}
