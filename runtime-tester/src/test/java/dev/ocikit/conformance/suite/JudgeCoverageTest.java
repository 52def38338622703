package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which registered tests have a judge test without root (a complying runtime must pass, one that
 * breaks exactly the checked property must fail): the count is written to {@code
 * target/judge-coverage.txt} with the list of tests still without one, and must match the number
 * docs/conformance.md states.
 */
class JudgeCoverageTest {
  private static final Pattern DOC_COUNT =
      Pattern.compile("(\\d+) of the (\\d+) tests' judges are tested this way");

  /** Every test id some judge table covers; a new table adds its ids here. */
  static Set<String> covered() {
    Set<String> ids = new TreeSet<>(Violation.ALL.keySet());
    ids.addAll(LifecycleViolation.ALL.keySet());
    ids.addAll(HookViolation.ALL.keySet());
    ids.addAll(NamespaceViolation.ALL.keySet());
    ids.addAll(MountJudgeTest.ids());
    ids.addAll(SeccompViolation.ALL.keySet());
    ids.addAll(CgroupViolation.ALL.keySet());
    ids.addAll(OpsViolation.ALL.keySet());
    return ids;
  }

  @Test
  void everyCoveredIdIsRegisteredAndTheCountIsDocumented() throws IOException {
    Set<String> registered = new TreeSet<>();
    Registry.all().forEach(t -> registered.add(t.id()));
    Set<String> covered = covered();
    Set<String> unknown = new TreeSet<>(covered);
    unknown.removeAll(registered);
    assertEquals(Set.of(), unknown, "judge tables name tests the registry does not have");
    List<String> lines = new ArrayList<>();
    lines.add(covered.size() + " of " + registered.size() + " judges covered without root");
    lines.add("");
    lines.add("# covered");
    lines.addAll(covered);
    lines.add("");
    lines.add("# not covered");
    registered.stream().filter(id -> !covered.contains(id)).forEach(lines::add);
    Path out = Path.of("target", "judge-coverage.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, lines);
    System.out.println(lines.get(0) + " (list in " + out.toAbsolutePath() + ")");

    Path doc = Path.of("..", "docs", "conformance.md");
    assertTrue(Files.exists(doc), "no " + doc.toAbsolutePath());
    Matcher m = DOC_COUNT.matcher(Files.readString(doc));
    assertTrue(m.find(), doc + " should say \"N of the M tests' judges are tested this way\"");
    assertEquals(
        covered.size() + " of " + registered.size(),
        m.group(1) + " of " + m.group(2),
        doc + " states a stale judge coverage");
  }
}
