package dev.ocikit.dist;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes the self-contained archive's Java runtime: asks jdeps which JDK modules the jars in LIB use
 * (the list is computed, never written down, so a new dependency cannot be forgotten), then jlinks
 * exactly those into OUT. Run by the distribution module's {@code jlink} profile.
 */
public final class RuntimeImage {
  private RuntimeImage() {}

  /**
   * Entry point of the build step.
   *
   * @param args LIB (a directory of jars) and OUT (the runtime image to make; must not exist)
   * @throws IOException if the jars cannot be listed
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: RuntimeImage LIB OUT");
    }
    List<String> jars;
    try (Stream<Path> s = Files.list(Path.of(args[0]))) {
      jars = s.map(Path::toString).filter(n -> n.endsWith(".jar")).sorted().toList();
    }
    // The jars only as input, not on a class path too: jdeps then resolves them among each other
    // without warning about every package being in both.
    List<String> jdeps = new ArrayList<>();
    jdeps.addAll(List.of("--print-module-deps", "--ignore-missing-deps", "--multi-release", "17"));
    jdeps.addAll(jars);
    List<String> printed = run("jdeps", jdeps).lines().filter(l -> !l.isBlank()).toList();
    String modules = printed.isEmpty() ? "" : printed.get(printed.size() - 1).strip();
    if (!modules.matches("[\\w.]+(,[\\w.]+)*")) {
      throw new IllegalStateException("jdeps printed no module list: " + printed);
    }
    System.out.println("[ocikit] runtime modules (jdeps): " + modules);
    Path out = Path.of(args[1]);
    if (Files.exists(out)) {
      // jlink refuses an existing directory: this is a rebuild without clean
      try (Stream<Path> s = Files.walk(out)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    run(
        "jlink",
        List.of(
            "--add-modules",
            modules,
            "--output",
            args[1],
            "--strip-debug",
            "--no-man-pages",
            "--no-header-files",
            "--compress=2"));
  }

  private static String run(String tool, List<String> args) {
    ToolProvider provider =
        ToolProvider.findFirst(tool)
            .orElseThrow(() -> new IllegalStateException(tool + " needs a JDK, not a JRE"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        provider.run(
            new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    if (code != 0) {
      throw new IllegalStateException(
          tool
              + " "
              + args.stream().collect(Collectors.joining(" "))
              + " exited "
              + code
              + ": "
              + err);
    }
    return out.toString();
  }
}
