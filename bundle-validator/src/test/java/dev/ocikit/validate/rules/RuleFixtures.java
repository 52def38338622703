package dev.ocikit.validate.rules;

import dev.ocikit.spec.Checkout;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.validate.BundleValidator;
import dev.ocikit.validate.Finding;
import dev.ocikit.validate.Level;
import dev.ocikit.validate.ValidationOptions;
import dev.ocikit.validate.host.FakeHost;
import dev.ocikit.validate.host.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The fixtures of one rule under testdata/rules/&lt;rule-id&gt;/: good.json, bad.json and
 * expected.json ({@code {"pointer": "…", "createRoot": false?, "rootLink": "/"?}}), and for
 * host-specific rules host.json (a {@link FakeHost}: the fixtures then run with host checks on,
 * against that host). With {@code rootLink}, the bad fixture's root is a symbolic link to that
 * target instead of a directory.
 */
record RuleFixtures(Path dir, String pointer, boolean createRoot, String rootLink, Host host) {
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
    return new RuleFixtures(
        dir,
        expected.get("pointer").asString(),
        createRoot == null || createRoot.asBoolean(),
        rootLink == null ? null : rootLink.asString(),
        Files.isRegularFile(host) ? FakeHost.read(host) : null);
  }

  Path good() {
    return dir.resolve("good.json");
  }

  Path bad() {
    return dir.resolve("bad.json");
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
        Files.createDirectories(bundle.resolve(path));
      }
    }
    if (host == null) {
      return new BundleValidator(ALL_LEVELS).validate(bundle).findings();
    }
    return new BundleValidator(ALL_LEVELS_ON_HOST, host).validate(bundle).findings();
  }
}
