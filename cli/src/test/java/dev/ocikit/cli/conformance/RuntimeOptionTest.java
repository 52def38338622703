package dev.ocikit.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code --runtime} value forms; no root needed. */
class RuntimeOptionTest {
  @Test
  void plainNameOrPathIsTheProgramAsIs() {
    assertEquals(new RuntimeOption(null, "runc", List.of()), RuntimeOption.parse("runc"));
    // No NAME= prefix: not split, so a path with a blank keeps working.
    assertEquals(
        new RuntimeOption(null, "/opt/my rt/rt", List.of()), RuntimeOption.parse("/opt/my rt/rt"));
    // '=' inside a path is not a name.
    assertEquals(
        new RuntimeOption(null, "/opt/a=b/rt", List.of()), RuntimeOption.parse("/opt/a=b/rt"));
  }

  @Test
  void namedCommandLineIsSplitLikeAShellWithoutExpansion() {
    RuntimeOption o = RuntimeOption.parse("gvisor=runsc --platform=ptrace  --network=none");
    assertEquals("gvisor", o.name());
    assertEquals("runsc", o.program());
    assertEquals(List.of("--platform=ptrace", "--network=none"), o.args());
    o = RuntimeOption.parse("x=/opt/rt --log \"/tmp/a b.log\" --label 'it''s' a\\ b $HOME");
    assertEquals(List.of("--log", "/tmp/a b.log", "--label", "its", "a b", "$HOME"), o.args());
  }

  @Test
  void runtimeArgsAppendInOrder() {
    RuntimeOption o = RuntimeOption.parse("runsc").withArg("--platform=ptrace").withArg("--x");
    assertNull(o.name());
    assertEquals(List.of("--platform=ptrace", "--x"), o.args());
  }

  @Test
  void badValuesNameTheOption() {
    for (String bad : List.of("", "  ", "gvisor=", "gvisor=   ", "g=runsc \"open")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> RuntimeOption.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("--runtime: "), e.getMessage());
    }
  }
}
