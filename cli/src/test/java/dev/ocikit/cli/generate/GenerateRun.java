package dev.ocikit.cli.generate;

import dev.ocikit.cli.OciTool;
import dev.ocikit.spec.json.StrictJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** Runs {@code oci-tool generate ARGS} as the launcher does, with captured output. */
record GenerateRun(int exit, String out, String err) {
  static GenerateRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = launcherCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("generate"));
    all.addAll(List.of(args));
    int exit = cl.execute(all.toArray(String[]::new));
    return new GenerateRun(exit, out.toString(), err.toString());
  }

  /** The launcher's own setup (exit 2 with a one-line message), which is package-private. */
  private static CommandLine launcherCommandLine() {
    try {
      Method m = Class.forName("dev.ocikit.cli.Cli").getDeclaredMethod("commandLine", Object.class);
      m.setAccessible(true);
      return (CommandLine) m.invoke(null, new OciTool());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  JsonNode json() {
    try {
      return StrictJson.reader().read(out.getBytes(StandardCharsets.UTF_8), "stdout").root();
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + out + err, e);
    }
  }
}
