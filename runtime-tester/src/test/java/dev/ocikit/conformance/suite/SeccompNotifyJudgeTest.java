package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seccomp listener's judge names every departure from the container process state format. */
class SeccompNotifyJudgeTest {
  private static final Set<String> AT_CREATE = Set.of("creating", "created");

  private static ScmRightsListener.Message message(String payload) {
    return new ScmRightsListener.Message(
        payload.getBytes(StandardCharsets.UTF_8), List.of(), 0, true, "");
  }

  private static final String GOOD =
      "{\"ociVersion\":\"1.0.2\",\"fds\":[\"seccompFd\"],\"pid\":42,\"metadata\":\"m\","
          + "\"state\":{\"ociVersion\":\"1.0.2\",\"id\":\"ct\",\"status\":\"creating\",\"pid\":42,"
          + "\"bundle\":\"/b\"}}";

  @Test
  void aConformingPayloadWithoutTheFdFailsOnlyOnTheFd() {
    assertEquals(
        List.of("0 descriptors received, not 1"),
        SeccompNotifyTests.judge(message(GOOD), "ct", "m", 42, AT_CREATE));
  }

  @Test
  void theStatusMustFitTheMomentTheMessageArrived() {
    // A runtime that loads the filter at start (crun) sends "created" or "running", never
    // "creating"; one that sends during create cannot say "running".
    Set<String> atStart = Set.of("created", "running");
    String running = GOOD.replace("\"creating\"", "\"running\"");
    assertEquals(
        List.of("0 descriptors received, not 1"),
        SeccompNotifyTests.judge(message(running), "ct", "m", 42, atStart));
    assertTrue(
        SeccompNotifyTests.judge(message(GOOD), "ct", "m", 42, atStart).stream()
            .anyMatch(p -> p.contains("state.status is \"creating\"")));
    assertTrue(
        SeccompNotifyTests.judge(message(running), "ct", "m", 42, AT_CREATE).stream()
            .anyMatch(p -> p.contains("state.status is \"running\"")));
  }

  @Test
  void eachWrongFieldIsNamed() {
    String bad =
        "{\"ociVersion\":\"one\",\"fds\":[],\"pid\":7,\"metadata\":\"x\","
            + "\"state\":{\"id\":\"other\",\"status\":\"stopped\"}}";
    List<String> problems = SeccompNotifyTests.judge(message(bad), "ct", "m", 42, AT_CREATE);
    assertEquals(7, problems.size(), problems.toString());
    for (String word : List.of("ociVersion", "fds", "pid", "metadata", "state.id", "status")) {
      assertTrue(problems.stream().anyMatch(p -> p.contains(word)), word + " in " + problems);
    }
  }

  @Test
  void aPayloadThatIsNotJsonOrNotEndedIsNamed() {
    ScmRightsListener.Message cut =
        new ScmRightsListener.Message(
            "{\"ociVersion\"".getBytes(StandardCharsets.UTF_8),
            List.of(),
            0,
            false,
            "no EOF within timeout");
    List<String> problems = SeccompNotifyTests.judge(cut, "ct", "m", 42, AT_CREATE);
    assertTrue(problems.get(0).contains("did not end"), problems.toString());
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("not one JSON value")), problems.toString());
  }
}
