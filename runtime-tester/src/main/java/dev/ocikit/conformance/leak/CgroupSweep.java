package dev.ocikit.conformance.leak;

import dev.ocikit.conformance.driver.RunMark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * cgroup directories named with a container id of the run that remain after it, removed (deepest
 * first; rmdir only succeeds for a cgroup without processes, so this runs after {@link
 * ProcessSweep}).
 */
public final class CgroupSweep {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  /** Deep enough for a relative cgroupsPath under a session scope of a v1 controller. */
  private static final int DEPTH = 6;

  /** Killed processes leave their cgroup as they exit, which takes a moment. */
  private static final Duration SETTLE = Duration.ofSeconds(2);

  private CgroupSweep() {}

  /** One line per leftover cgroup name, naming the hierarchies it was found in. */
  public static List<String> run(RunMark mark) {
    Map<String, List<Path>> byName = new TreeMap<>();
    for (Path dir : find(mark)) {
      byName.computeIfAbsent(dir.getFileName().toString(), k -> new ArrayList<>()).add(dir);
    }
    List<String> leftovers = new ArrayList<>();
    byName.forEach(
        (name, dirs) -> {
          List<String> hierarchies = new ArrayList<>();
          List<String> errors = new ArrayList<>();
          for (Path dir : dirs) {
            String hierarchy = ROOT.relativize(dir).getName(0).toString();
            hierarchies.add(hierarchy);
            String error = remove(dir);
            if (error != null) {
              errors.add(dir + ": " + error);
            }
          }
          leftovers.add(
              "cgroup "
                  + name
                  + " left behind in "
                  + String.join(", ", hierarchies.stream().sorted().toList())
                  + "; "
                  + (errors.isEmpty() ? "removed" : "not removed: " + String.join("; ", errors)));
        });
    return leftovers;
  }

  /** Directories under /sys/fs/cgroup whose name is a container id of the run, outermost only. */
  public static List<Path> find(RunMark mark) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(ROOT)) {
      return found;
    }
    try (Stream<Path> walk = Files.walk(ROOT, DEPTH)) {
      walk.filter(Files::isDirectory)
          .filter(p -> p.getFileName() != null && mark.isContainerId(p.getFileName().toString()))
          .filter(p -> found.stream().noneMatch(p::startsWith))
          .forEach(found::add);
    } catch (IOException | RuntimeException ignored) {
      // cgroupfs entries can vanish mid-walk; a partial answer is still useful.
    }
    return found;
  }

  /** Removes {@code dir} and the cgroups below it; null on success, else the last error. */
  private static String remove(Path dir) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (true) {
      String error = null;
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path d : walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(d); // rmdir: cgroupfs takes the control files with it
        }
      } catch (IOException | RuntimeException e) {
        error = e.toString();
      }
      if (error == null || !Files.exists(dir) || System.nanoTime() > deadline) {
        return Files.exists(dir) ? (error == null ? "still present" : error) : null;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
  }
}
