package dev.ocikit.cli.generate;

import dev.ocikit.check.Finding;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.cli.Cli;
import dev.ocikit.cli.OciTool;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.validate.BundleValidator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** Runs {@code oci-tool generate ARGS} as the launcher does, with captured output. */
record GenerateRun(int exit, String out, String err) {
  static GenerateRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Cli.commandLine(new OciTool()); // the launcher's setup: exit 2, one line
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("generate"));
    all.addAll(List.of(args));
    int exit = cl.execute(all.toArray(String[]::new));
    return new GenerateRun(exit, out.toString(), err.toString());
  }

  /** The validator's MUST-level errors for the config on stdout, one per line; empty if none. */
  String mustErrors() {
    try {
      Path dir = Files.createTempDirectory("ocikit-generate-cli");
      Path file = dir.resolve("config.json");
      try {
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return BundleValidator.validateConfig(file, ValidationOptions.DEFAULT).findings().stream()
            .filter(Finding::isError)
            .map(f -> f.ruleId() + " " + f.location() + ": " + f.message())
            .collect(Collectors.joining("\n"));
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The value at {@code pointer} as text: a scalar's text, a container's JSON, or "" if absent. */
  String at(String pointer) {
    JsonNode n = json().at(pointer);
    return n.isMissingNode() ? "" : n.isValueNode() ? n.asText() : n.toString();
  }

  JsonNode json() {
    try {
      return StrictJson.reader().read(out.getBytes(StandardCharsets.UTF_8), "stdout").root();
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + out + err, e);
    }
  }

  /**
   * Runs {@code generate arg} and asserts it is refused as users should see it: exit 2, nothing on
   * standard output, and a first error line naming {@code flag} and the accepted {@code form}.
   */
  static void assertRefused(String arg, String flag, String form) {
    GenerateRun r = GenerateRun.of(arg);
    org.junit.jupiter.api.Assertions.assertEquals(2, r.exit(), r.out());
    org.junit.jupiter.api.Assertions.assertEquals("", r.out());
    String first = r.err().lines().findFirst().orElse("");
    org.junit.jupiter.api.Assertions.assertTrue(first.contains(flag), first);
    org.junit.jupiter.api.Assertions.assertTrue(first.contains(form), first);
  }
}
