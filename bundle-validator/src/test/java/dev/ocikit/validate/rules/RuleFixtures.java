package dev.ocikit.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Level;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.spec.json.JsonWriter;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.testing.Checkout;
import dev.ocikit.validate.BundleValidator;
import dev.ocikit.validate.FakeHostValidation;
import dev.ocikit.validate.host.FakeHost;
import dev.ocikit.validate.host.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixtures of one rule under testdata/rules/&lt;rule-id&gt;/: good.json, bad.json and
 * expected.json ({@code {"pointer": "…", "createRoot": false?, "rootLink": "/"?, "rootFiles":
 * {…}?}}), and for host-specific rules host.json (a {@link FakeHost}: the fixtures then run with
 * host checks on, against that host). With {@code rootLink}, the bad fixture's root is a symbolic
 * link to that target instead of a directory. A created root holds {@code rootFiles}: relative path
 * to {@code "exec"} (an executable file), {@code "file"}, {@code "dir"} or {@code "link:TARGET"};
 * without it, the root holds an executable {@code bin/sh}, so that the {@code sh} the fixtures run
 * is found.
 */
record RuleFixtures(
    Path dir,
    String pointer,
    boolean createRoot,
    String rootLink,
    Map<String, String> rootFiles,
    Host host) {
  /** Every finding at every level, so advice and SHOULD findings are seen too. */
  static final ValidationOptions ALL_LEVELS = new ValidationOptions(Level.MAY, null, false);

  /** The same, with host-specific checks. */
  static final ValidationOptions ALL_LEVELS_ON_HOST = new ValidationOptions(Level.MAY, null, true);

  static RuleFixtures of(String ruleId) throws IOException {
    Path dir = Checkout.testdata().resolve("rules").resolve(ruleId);
    JsonNode expected = StrictJson.reader().read(dir.resolve("expected.json")).root();
    JsonNode createRoot = expected.get("createRoot");
    JsonNode rootLink = expected.get("rootLink");
    Path host = dir.resolve("host.json");
    Map<String, String> files = new TreeMap<>(Map.of("bin/sh", "exec"));
    JsonNode rootFiles = expected.get("rootFiles");
    if (rootFiles != null) {
      files.clear();
      rootFiles.properties().forEach(e -> files.put(e.getKey(), e.getValue().asString()));
    }
    return new RuleFixtures(
        dir,
        expected.get("pointer").asString(),
        createRoot == null || createRoot.asBoolean(),
        rootLink == null ? null : rootLink.asString(),
        files,
        Files.isRegularFile(host) ? FakeHost.read(host) : null);
  }

  Path good() {
    return dir.resolve("good.json");
  }

  Path bad() {
    return dir.resolve("bad.json");
  }

  /**
   * One failing example: the document, the expectation file, and the pointer and message of the one
   * finding it raises (message null until recorded).
   */
  record Failing(Path file, Path expected, String pointer, String message) {}

  /**
   * bad.json with expected.json, then every further failing case bad-NAME.json with its
   * expected-NAME.json (same members).
   */
  List<Failing> failing() throws IOException {
    List<Failing> cases = new ArrayList<>();
    cases.add(failing(bad(), dir.resolve("expected.json")));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("bad-") && name.endsWith(".json")) {
          cases.add(failing(p, dir.resolve("expected-" + name.substring("bad-".length()))));
        }
      }
    }
    return cases;
  }

  private static Failing failing(Path file, Path expected) throws IOException {
    JsonNode e = StrictJson.reader().read(expected).root();
    JsonNode message = e.get("message");
    return new Failing(
        file, expected, e.get("pointer").asString(), message == null ? null : message.asString());
  }

  /**
   * Asserts {@code got} is exactly one finding of rule {@code id} at the case's pointer, with the
   * recorded message ({@code tmp}, where bundles are made, reads as {@code <tmp>}). With {@code
   * -Docikit.regenerate=true} the message is recorded instead.
   */
  static void assertExactly(String id, Failing c, List<Finding> got, Path tmp) throws IOException {
    assertEquals(
        List.of(id + " at " + c.pointer()),
        got.stream().map(f -> f.ruleId() + " at " + f.location().pointer()).toList(),
        () -> c.file() + ": " + got);
    String message =
        tmp == null ? got.get(0).message() : got.get(0).message().replace(tmp.toString(), "<tmp>");
    message = message.replaceAll("<tmp>/bundle[0-9]+", "<bundle>");
    if (Boolean.getBoolean("ocikit.regenerate")) {
      ObjectNode e = (ObjectNode) StrictJson.reader().read(c.expected()).root();
      e.put("message", message);
      Files.write(c.expected(), JsonWriter.pretty(e));
      return;
    }
    assertEquals(
        c.message(),
        message,
        c.file() + ": message (record it with -Docikit.regenerate=true after checking it)");
  }

  /**
   * Validates {@code config} as the config.json of a fresh bundle in {@code tmp}; the root
   * directory is created when the config names a relative POSIX root.path (unless the fixture asks
   * not to), or a symbolic link to {@code link} in its place when that is not null.
   */
  List<Finding> validateAsBundle(Path config, Path tmp, boolean withRoot, String link)
      throws IOException {
    Path bundle = Files.createTempDirectory(tmp, "bundle");
    Files.copy(config, bundle.resolve("config.json"));
    JsonNode root = StrictJson.reader().read(config).root().get("root");
    if (withRoot && root != null && root.get("path") != null) {
      String path = root.get("path").asString();
      if (!path.startsWith("/") && !path.contains("\\") && link != null) {
        Files.createSymbolicLink(bundle.resolve(path), Path.of(link));
      } else if (!path.startsWith("/") && !path.contains("\\")) {
        populate(Files.createDirectories(bundle.resolve(path)), rootFiles);
      }
    }
    if (host == null) {
      return BundleValidator.validate(bundle, ALL_LEVELS).findings();
    }
    return FakeHostValidation.validate(bundle, ALL_LEVELS_ON_HOST, host).findings();
  }

  /** Creates {@code files} (see the class comment) under {@code root}. */
  static void populate(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = root.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      String kind = e.getValue();
      if (kind.startsWith("link:")) {
        Files.createSymbolicLink(p, Path.of(kind.substring("link:".length())));
      } else if (kind.equals("dir")) {
        Files.createDirectories(p);
      } else {
        Files.writeString(p, "#!/bin/false\n");
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(kind.equals("exec") ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }
}
