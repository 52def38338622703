package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Delete must leave joined namespaces (and the process holding them) as they were. */
class DeleteForeignJudgeTest {
  private static final Map<String, String> NS = Map.of("pid", "pid:[1]", "network", "net:[2]");

  @Test
  void untouchedNamespacesPass() {
    assertEquals(List.of(), new DeleteForeignTests(NS, NS, true, "x").namespaceProblems());
  }

  @Test
  void aKilledHelperOrAChangedNamespaceFails() {
    assertEquals(1, new DeleteForeignTests(NS, NS, false, "x").namespaceProblems().size());
    Map<String, String> gone = Map.of("pid", "<unreadable: gone>", "network", "net:[2]");
    assertEquals(
        List.of("pid pid:[1] became <unreadable: gone>"),
        new DeleteForeignTests(NS, gone, true, "x").namespaceProblems());
  }
}
