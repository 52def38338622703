package dev.ocikit.conformance;

import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.conformance.driver.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a run: does the runtime still list containers of ours, or does a cgroup directory named
 * with our prefix remain? Anything found is reported and then removed, so the next run is clean.
 */
final class LeakCheck {
  private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

  private LeakCheck() {}

  static List<String> check(RuntimeDriver driver, String runtime, String prefix) {
    List<String> leaks = new ArrayList<>();
    CallResult list = driver.list();
    if (list.ok() && !list.stdout().isBlank()) {
      JsonNode arr = JsonMapper.builder().build().readTree(list.stdout());
      for (JsonNode c : arr) {
        String id = c.path("id").asString("");
        if (id.startsWith(prefix)) {
          leaks.add(runtime + ": container " + id + " still listed");
          driver.delete(id, true);
        }
      }
    }
    for (Path dir : cgroupDirs(prefix)) {
      leaks.add(runtime + ": cgroup " + dir + " left behind");
      try {
        Files.deleteIfExists(dir); // rmdir; only succeeds for an empty cgroup
      } catch (IOException ignored) {
        // Still reported above.
      }
    }
    return leaks;
  }

  /** Directories up to three levels under /sys/fs/cgroup whose name starts with {@code prefix}. */
  static List<Path> cgroupDirs(String prefix) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(CGROUP_ROOT)) {
      return found;
    }
    try (Stream<Path> walk = Files.walk(CGROUP_ROOT, 3)) {
      walk.filter(Files::isDirectory)
          .filter(p -> p.getFileName() != null && p.getFileName().toString().startsWith(prefix))
          .forEach(found::add);
    } catch (IOException | RuntimeException ignored) {
      // cgroupfs entries can vanish mid-walk; a partial answer is still useful.
    }
    return found;
  }
}
