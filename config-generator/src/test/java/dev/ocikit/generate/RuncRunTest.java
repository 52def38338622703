package dev.ocikit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated configs run under runc with a busybox rootfs (as root only). */
class RuncRunTest {
  private static final Path RUNC = Path.of("/usr/sbin/runc");
  private static final Path BUSYBOX = Path.of("/bin/busybox");

  @TempDir Path dir;
  private Path bundle;
  private Path state;
  private final List<String> containers = new ArrayList<>();

  @BeforeEach
  void needsRootAndRunc() throws IOException {
    boolean root = HostInfo.detect().euid() == 0;
    Assumptions.assumeTrue(
        root && Files.isExecutable(RUNC) && Files.isRegularFile(BUSYBOX),
        "needs root and runc: euid 0, " + RUNC + " and a static " + BUSYBOX);
    bundle = dir.resolve("bundle");
    state = dir.resolve("runc-state");
    Path bin = Files.createDirectories(bundle.resolve("rootfs/bin"));
    Files.copy(BUSYBOX, bin.resolve("busybox"));
    bin.resolve("busybox").toFile().setExecutable(true);
  }

  @AfterEach
  void deleteContainers() throws Exception {
    for (String id : containers) {
      runc(10, "delete", "--force", id);
    }
  }

  @Test
  void defaultConfigRunsBusyboxEcho() throws Exception {
    ConfigGenerator g = ConfigGenerator.linux();
    g.process().args("/bin/busybox", "echo", "hello");
    g.write(bundle.resolve("config.json"));
    String id = newId();
    Result r = runc(60, "run", "--bundle", bundle.toString(), id);
    assertEquals(0, r.exit(), r.output());
    assertEquals("hello", r.output().strip());
  }

  @Test
  void memoryLimitReachesTheCgroup() throws Exception {
    String id = newId();
    String cgroupsPath = "/ocikit-generate-" + id;
    ConfigGenerator g = ConfigGenerator.linux();
    g.process().args("/bin/busybox", "sleep", "60");
    g.linuxSettings().cgroupsPath(cgroupsPath);
    g.resources().memoryLimit(64L << 20);
    g.write(bundle.resolve("config.json"));
    Result created = runc(60, "create", "--bundle", bundle.toString(), id);
    assertEquals(0, created.exit(), created.output());
    Result started = runc(30, "start", id);
    assertEquals(0, started.exit(), started.output());
    Path limit = Path.of("/sys/fs/cgroup/memory" + cgroupsPath + "/memory.limit_in_bytes");
    Path v2 = Path.of("/sys/fs/cgroup" + cgroupsPath + "/memory.max");
    Path file = Files.exists(limit) ? limit : v2;
    assertTrue(Files.exists(file), "no memory limit file at " + limit + " or " + v2);
    assertEquals(String.valueOf(64L << 20), Files.readString(file).strip());
    Result state = runc(10, "state", id);
    assertTrue(state.output().contains("\"running\""), state.output());
  }

  private String newId() {
    String id = "ocikit-gen-" + UUID.randomUUID().toString().substring(0, 8);
    containers.add(id);
    return id;
  }

  private record Result(int exit, String output) {}

  private Result runc(int timeoutSeconds, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(RUNC.toString(), "--root", state.toString()));
    cmd.addAll(List.of(args));
    // Output goes to a file: a created container keeps the pipe open, so reading to EOF would hang.
    File out = dir.resolve("runc-" + System.nanoTime() + ".log").toFile();
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(out)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "timed out: " + cmd);
    }
    return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8));
  }
}
