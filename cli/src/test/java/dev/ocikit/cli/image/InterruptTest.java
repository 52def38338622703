package dev.ocikit.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real signals to the command line in a JVM of its own, while it unpacks a large image: once the
 * staging tree holds thousands of files, SIGINT or SIGTERM must stop the unpack, remove the partial
 * tree, print one line and exit with 128 + the signal; after SIGKILL the next run into the same
 * directory must remove the leftover and say so.
 */
class InterruptTest {
  private static final int DIRS = 40;
  private static final int FILES_PER_DIR = 1000;

  @TempDir static Path shared;
  @TempDir Path tmp;
  private static Path image;

  private record Run(int exit, String out, String err) {}

  @BeforeAll
  static void writeImage() throws IOException {
    image = LargeImage.write(shared.resolve("img"), DIRS, FILES_PER_DIR);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"unpack, INT, 130", "unpack, TERM, 143", "bundle, TERM, 143", "bundle, INT, 130"})
  void signalRemovesThePartialTree(String command, String signal, int exit) throws Exception {
    Path dest = tmp.resolve("dest");
    Child p = start(command, dest);
    Path found = awaitManyFiles(p, dest);
    Path staging = dest.toRealPath().resolve(found.getFileName());
    assumeFalse(ignored(p, signal), "SIG" + signal + " is ignored in this process tree");
    kill(p, signal);
    Run r = finish(p);

    assertEquals(exit, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(
        "oci-tool " + command + ": interrupted; removed the partial tree " + staging + "\n",
        r.err());
    assertEquals(List.of(), list(dest), "nothing left in the destination");
  }

  @Test
  void afterSigkillTheNextRunRemovesTheLeftover() throws Exception {
    Path dest = tmp.resolve("dest");
    Child p = start("unpack", dest);
    Path found = awaitManyFiles(p, dest);
    Path staging = dest.toRealPath().resolve(found.getFileName());
    kill(p, "KILL");
    assertEquals(137, finish(p).exit());
    assertEquals(
        List.of(staging.getFileName().toString(), staging.getFileName() + ".lock"), list(dest));

    Run again = finish(start("unpack", dest));
    assertEquals(0, again.exit(), again.err());
    assertEquals(
        "warning: removed " + staging + ", left by an unpack that was killed\n", again.err());
    assertEquals(List.of("rootfs"), list(dest));
    try (Stream<Path> s = Files.list(dest.resolve("rootfs"))) {
      assertEquals(DIRS, s.count());
    }
  }

  /** A command line running in its own JVM, its output going to files. */
  private record Child(Process process, Path out, Path err) {}

  private static Child start(String command, Path dest) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.ocikit.cli.OciTool");
    cmd.add(command);
    if (!"root".equals(System.getProperty("user.name"))) {
      cmd.add("--rootless");
    }
    cmd.add(image + ":v1");
    cmd.add(dest.toString());
    Path out = Files.createTempFile(dest.getParent(), "out", ".txt");
    Path err = Files.createTempFile(dest.getParent(), "err", ".txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    return new Child(p, out, err);
  }

  /** Waits until the staging tree holds three directories' worth of files; returns it. */
  private static Path awaitManyFiles(Child c, Path dest) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      if (!c.process().isAlive()) {
        fail("the unpack ended before it could be interrupted: " + finish(c));
      }
      Optional<Path> staging = stagingTree(dest);
      if (staging.isPresent() && Files.isDirectory(staging.get().resolve("d0003"))) {
        return staging.get();
      }
      Thread.sleep(10);
    }
    c.process().destroyForcibly();
    throw new AssertionError("no staging tree with many files appeared in " + dest);
  }

  private static Optional<Path> stagingTree(Path dest) throws IOException {
    if (!Files.isDirectory(dest)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(dest)) {
      return s.filter(f -> f.getFileName().toString().matches("\\.rootfs-[0-9]+")).findFirst();
    }
  }

  /** Whether the process ignores the signal: then no handler of the JVM's can run. */
  private static boolean ignored(Child c, String signal) throws IOException {
    int number = signal.equals("INT") ? 2 : 15;
    Path status = Path.of("/proc/" + c.process().pid() + "/status");
    for (String l : Files.readAllLines(status)) {
      if (l.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(l.substring(7).trim(), 16) & (1L << (number - 1))) != 0;
      }
    }
    return false;
  }

  private static void kill(Child c, String signal) throws Exception {
    Process k = new ProcessBuilder("kill", "-s", signal, Long.toString(c.process().pid())).start();
    assertEquals(0, k.waitFor(), "kill -s " + signal);
  }

  private static Run finish(Child c) throws Exception {
    assertTrue(c.process().waitFor(5, TimeUnit.MINUTES), "the command ends");
    return new Run(
        c.process().exitValue(),
        Files.readString(c.out(), StandardCharsets.UTF_8),
        Files.readString(c.err(), StandardCharsets.UTF_8));
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
