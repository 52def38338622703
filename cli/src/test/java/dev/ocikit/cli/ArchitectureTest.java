package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the allowed dependencies between modules and packages by reading the import lines of every
 * main source file: a violation names the file and the import.
 */
class ArchitectureTest {
  private static final Pattern IMPORT =
      Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);

  /** One rule: sources under {@code dir} whose package matches must not import {@code banned}. */
  private record Rule(String dir, String packagePrefix, String banned, String why) {}

  private static final List<String> MODULES =
      List.of(
          "spec-model",
          "rule-kernel",
          "config-generator",
          "bundle-validator",
          "image-tools",
          "validator",
          "runtime-tester",
          "cli");

  private static final List<Rule> RULES =
      List.of(
          new Rule("spec-model", "", "picocli.", "only the cli module uses picocli"),
          new Rule("rule-kernel", "", "picocli.", "only the cli module uses picocli"),
          new Rule("config-generator", "", "picocli.", "only the cli module uses picocli"),
          new Rule("spec-model", "", "dev.ocikit.check", "the model knows no rules"),
          new Rule("rule-kernel", "", "dev.ocikit.validate", "the kernel knows no checking module"),
          new Rule("rule-kernel", "", "dev.ocikit.image", "the kernel knows no checking module"),
          new Rule(
              "rule-kernel", "", "dev.ocikit.conformance", "the kernel knows no checking module"),
          new Rule("rule-kernel", "", "dev.ocikit.generate", "the kernel knows no generator"),
          new Rule("bundle-validator", "", "picocli.", "only the cli module uses picocli"),
          new Rule("image-tools", "", "picocli.", "only the cli module uses picocli"),
          new Rule("runtime-tester", "", "picocli.", "only the cli module uses picocli"),
          new Rule("spec-model", "", "dev.ocikit.validate", "the model knows no validator"),
          new Rule("spec-model", "", "dev.ocikit.generate", "the model knows no generator"),
          new Rule("spec-model", "", "dev.ocikit.image", "the model knows no image tools"),
          new Rule(
              "spec-model", "", "com.networknt", "schema validation lives in bundle-validator"),
          new Rule(
              "bundle-validator", "", "dev.ocikit.image", "validation does not need image tools"),
          new Rule("bundle-validator", "", "dev.ocikit.conformance", "no cycle with the harness"),
          new Rule("image-tools", "", "dev.ocikit.conformance", "image tools do not run runtimes"),
          new Rule("runtime-tester", "", "dev.ocikit.image", "the harness builds its own rootfs"),
          new Rule("validator", "", "picocli.", "only the cli module uses picocli"),
          new Rule("image-tools", "", "dev.ocikit.validator", "the facade sits above image tools"),
          new Rule("bundle-validator", "", "dev.ocikit.validator", "the facade sits above it"),
          new Rule(
              "config-generator",
              "",
              "dev.ocikit.validate",
              "the generator depends on the model only"),
          new Rule(
              "config-generator",
              "",
              "dev.ocikit.check",
              "the generator depends on the model only"),
          new Rule("bundle-validator", "", "dev.ocikit.generate", "validation does not generate"),
          new Rule(
              "spec-model",
              "dev.ocikit.spec.json",
              "dev.ocikit.spec.runtime",
              "strict JSON is below the model"),
          new Rule(
              "spec-model", "dev.ocikit.spec.digest", "tools.jackson", "digests need no JSON"));

  @Test
  void modulesAndPackagesOnlyDependWhereAllowed() throws IOException {
    Path root = Checkout.root();
    List<String> violations = new ArrayList<>();
    int files = 0;
    for (Rule rule : RULES) {
      Path src = root.resolve(rule.dir()).resolve("src/main/java");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(src)) {
        for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(f);
          if (!packageOf(text).startsWith(rule.packagePrefix())) {
            continue;
          }
          files++;
          Matcher m = IMPORT.matcher(text);
          while (m.find()) {
            if (m.group(2).startsWith(rule.banned())) {
              violations.add(
                  root.relativize(f) + " imports " + m.group(2) + " (" + rule.why() + ")");
            }
          }
        }
      }
    }
    assertTrue(files > 50, "the rules looked at too few files (" + files + "): wrong root?");
    assertEquals(List.of(), violations);
  }

  /** No package of the main code reaches, through its imports, back to itself. */
  @Test
  void noPackageCycles() throws IOException {
    Path root = Checkout.root();
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String module : MODULES) {
      try (Stream<Path> walk = Files.walk(root.resolve(module).resolve("src/main/java"))) {
        for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(f);
          String from = packageOf(text);
          Matcher m = IMPORT.matcher(text);
          while (m.find()) {
            String to = m.group(2).replaceFirst("\\.[A-Z].*$", "");
            if (to.startsWith("dev.ocikit.") && !to.equals(from)) {
              edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
            }
          }
        }
      }
    }
    assertTrue(edges.size() > 40, "too few packages seen (" + edges.size() + "): wrong root?");
    List<String> cycles = new ArrayList<>();
    for (String start : edges.keySet()) {
      List<String> path = cycleThrough(start, edges);
      if (!path.isEmpty() && path.get(0).equals(start) && start.equals(Collections.min(path))) {
        cycles.add(String.join(" -> ", path) + " -> " + start);
      }
    }
    assertEquals(List.of(), cycles);
  }

  /** A path of imports from {@code start} back to it, or empty (breadth first, shortest). */
  private static List<String> cycleThrough(String start, Map<String, Set<String>> edges) {
    Map<String, String> parent = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(edges.getOrDefault(start, Set.of()));
    queue.forEach(n -> parent.put(n, start));
    while (!queue.isEmpty()) {
      String n = queue.poll();
      if (n.equals(start)) {
        List<String> path = new ArrayList<>();
        for (String at = parent.get(start); !at.equals(start); at = parent.get(at)) {
          path.add(0, at);
        }
        path.add(0, start);
        return path;
      }
      for (String next : edges.getOrDefault(n, Set.of())) {
        if (!parent.containsKey(next)) {
          parent.put(next, n);
          queue.add(next);
        }
      }
    }
    return List.of();
  }

  /**
   * Code outside a module uses only the packages that module exports, to everyone or by name to the
   * importing module: javac checks the library modules, which compile against each other's
   * descriptors, but not examples/ (a consumer on the class path, as a user's project is), and this
   * names every offence at once. fuzz and bench are test harnesses that reach internals on purpose
   * (a fuzz target for the layer applier, timings of the tar reader), so they are not held to it.
   */
  @Test
  void modulesImportOnlyExportedPackagesOfOthers() throws IOException {
    Path root = Checkout.root();
    Map<String, String> owner = new HashMap<>(); // package -> module directory
    Map<String, String> moduleName = new HashMap<>(); // module directory -> JPMS name
    Map<String, Map<String, Set<String>>> exports = new HashMap<>(); // "" in the set: to all
    for (String module : MODULES) {
      Path src = root.resolve(module).resolve("src/main/java");
      String descriptor =
          Files.readString(src.resolve("module-info.java"))
              .replaceAll("(?s)/\\*.*?\\*/", "")
              .replaceAll("//[^\n]*", "");
      Matcher name = Pattern.compile("\\bmodule\\s+([\\w.]+)").matcher(descriptor);
      assertTrue(name.find(), module + "/module-info.java names no module");
      moduleName.put(module, name.group(1));
      Map<String, Set<String>> exported = new HashMap<>();
      Matcher e =
          Pattern.compile("\\bexports\\s+([\\w.]+)\\s*(?:to\\s+([\\w.,\\s]+))?;")
              .matcher(descriptor);
      while (e.find()) {
        Set<String> to = new TreeSet<>();
        if (e.group(2) == null) {
          to.add("");
        } else {
          for (String m : e.group(2).split(",")) {
            to.add(m.strip());
          }
        }
        exported.put(e.group(1), to);
      }
      exports.put(module, exported);
      for (Path f : sources(src)) {
        owner.putIfAbsent(packageOf(Files.readString(f)), module);
      }
    }
    List<String> consumers = new ArrayList<>(MODULES);
    consumers.add("examples");
    List<String> violations = new ArrayList<>();
    int crossings = 0;
    for (String consumer : consumers) {
      for (Path f : sources(root.resolve(consumer).resolve("src/main/java"))) {
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          String to = m.group(2).replaceFirst("\\.[A-Z].*$", "");
          String module = owner.get(to);
          if (module == null || module.equals(consumer)) {
            continue;
          }
          crossings++;
          Set<String> allowed = exports.get(module).getOrDefault(to, Set.of());
          String importer = moduleName.get(consumer); // null for examples: not a module
          if (!allowed.contains("") && (importer == null || !allowed.contains(importer))) {
            violations.add(
                root.relativize(f)
                    + " imports "
                    + m.group(2)
                    + ": "
                    + module
                    + (allowed.isEmpty()
                        ? " does not export " + to
                        : " exports " + to + " only to " + allowed));
          }
        }
      }
    }
    assertTrue(crossings > 100, "too few imports between modules (" + crossings + "): wrong root?");
    assertEquals(List.of(), violations);
  }

  private static List<Path> sources(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void bouncyCastleOnlyBehindTheDigestPackage() throws IOException {
    Path root = Checkout.root();
    List<String> users = new ArrayList<>();
    for (String module : MODULES) {
      Path src = root.resolve(module).resolve("src/main/java");
      try (Stream<Path> walk = Files.walk(src)) {
        for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(f);
          if (text.contains("import org.bouncycastle")
              && !packageOf(text).equals("dev.ocikit.spec.digest")) {
            users.add(root.relativize(f).toString());
          }
        }
      }
    }
    assertEquals(List.of(), users, "use dev.ocikit.spec.digest instead of Bouncy Castle directly");
  }

  private static String packageOf(String source) {
    Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(source);
    return m.find() ? m.group(1) : "";
  }
}
