package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ocikit.cli.ToolProcess.Result;
import dev.ocikit.spec.testing.Checkout;
import dev.ocikit.spec.testing.SpecialFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a command reads, given as a FIFO, {@code /dev/zero}, a socket or a link to one of
 * them: refused at once with one line naming the path and what it is, exit 2; never a hang, never
 * read until memory runs out.
 */
class SpecialFileArgumentsTest {
  @TempDir Path tmp;
  private Path fifo;
  private final Map<Path, String> specials = new LinkedHashMap<>();

  @BeforeEach
  void specialFiles() throws Exception {
    fifo = SpecialFiles.fifo(tmp, "fifo.json");
    specials.put(fifo, "a FIFO (named pipe)");
    specials.put(SpecialFiles.DEV_ZERO, "a character device");
    specials.put(SpecialFiles.socket(tmp, "socket.json"), "a socket");
    specials.put(SpecialFiles.link(tmp, "to-fifo.json", fifo), "a FIFO (named pipe)");
    specials.put(
        SpecialFiles.link(tmp, "to-zero.json", SpecialFiles.DEV_ZERO), "a character device");
  }

  private Result run(Object command, String... args) {
    return SpecialFiles.withoutHanging(fifo, () -> ToolProcess.inProcess(command, args));
  }

  private static void refused(Result r, String prefix, Path p, String kind) {
    assertEquals(new Result(2, "", prefix + p + ": is " + kind + ", not a regular file\n"), r);
  }

  @Test
  void validateRefusesSpecialFilesAsPathsAndInPathsOnlyRuns() {
    specials.forEach(
        (p, kind) -> {
          refused(run(new OciValidate(), p.toString()), "oci-validate: ", p, kind);
          refused(
              run(new OciValidate(), "--type", "runtime-config", p.toString()),
              "oci-validate: ",
              p,
              kind);
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int exit =
              SpecialFiles.withoutHanging(
                  fifo,
                  () ->
                      OciValidate.runPathsOnly(
                          new String[] {p.toString()}, new PrintWriter(out), new PrintWriter(err)));
          refused(new Result(exit, out.toString(), err.toString()), "oci-validate: ", p, kind);
        });
  }

  @Test
  void aBundleWhoseConfigIsAFifoIsUnreadable() throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve("bundle"));
    Files.createDirectories(bundle.resolve("rootfs"));
    SpecialFiles.link(bundle, "config.json", fifo);
    Result r = run(new OciValidate(), bundle.toString());
    refused(r, "oci-validate: ", bundle.resolve("config.json"), "a FIFO (named pipe)");
  }

  @Test
  void generateRefusesSpecialTemplatesMigrationsAndEnvFiles() {
    specials.forEach(
        (p, kind) -> {
          for (String option : List.of("--template", "--migrate", "--env-file")) {
            refused(
                run(new OciTool(), "generate", option, p.toString()),
                "oci-tool generate: ",
                p,
                kind);
          }
        });
  }

  @Test
  void anArgumentFileMustBeARegularFileToo() throws Exception {
    // picocli reads @FILE itself, as the launchers run it: in a JVM of its own.
    Result r =
        SpecialFiles.withoutHanging(
            fifo, () -> new ToolProcess(tmp).run("OciValidate", "@" + fifo));
    assertEquals(
        new Result(
            2, "", "oci-validate: " + fifo + ": is a FIFO (named pipe), not a regular file\n"),
        r);
  }

  @Test
  void unpackAndBundleRefuseASpecialImagePath() {
    Path layout = Checkout.testdata().resolve("images/sample");
    assertFalse(Files.exists(tmp.resolve("d")));
    specials.forEach(
        (p, kind) -> {
          for (String command : List.of("unpack", "bundle")) {
            Result r = run(new OciTool(), command, p.toString(), tmp.resolve("d").toString());
            refused(r, "oci-tool " + command + ": ", p, kind);
          }
        });
    assertFalse(Files.exists(tmp.resolve("d")), "nothing made for a refused image " + layout);
  }
}
