package dev.ocikit.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.spec.OcikitVersion;
import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it: unpacked into a temporary directory, its launchers run
 * from another directory, through symlinks, with a PATH that holds java and the few tools the
 * launcher uses but no Maven (and no java at all, for the error case).
 */
class DistributionIT {
  private static final String VERSION = System.getProperty("ocikit.dist.version");
  private static final Path ARCHIVE = Path.of(System.getProperty("ocikit.dist.archive"));

  /** What the launchers may call besides java; anything else they need fails these tests. */
  private static final List<String> TOOLS =
      List.of("bash", "env", "readlink", "mkdir", "mktemp", "rm", "mv", "awk", "locale");

  @TempDir static Path tmp;
  static Path install;
  static Path links;
  static Path withJava;
  static Path withoutJava;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void unpack() throws Exception {
    Path unpacked = Files.createDirectories(tmp.resolve("opt"));
    Process tar =
        new ProcessBuilder("tar", "-xzf", ARCHIVE.toString(), "-C", unpacked.toString())
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor(), "tar -xzf " + ARCHIVE);
    install = unpacked.resolve("ocikit-" + VERSION);
    // As a user links the commands into a directory on PATH, the link relative like ln -sr makes.
    links = Files.createDirectories(tmp.resolve("home/bin"));
    for (String tool : List.of("oci-validate", "oci-tool")) {
      Files.createSymbolicLink(
          links.resolve(tool), links.relativize(install.resolve("bin").resolve(tool)));
    }
    withoutJava = Files.createDirectories(tmp.resolve("path-without-java"));
    for (String tool : TOOLS) {
      for (String dir : List.of("/usr/bin", "/bin")) {
        Path real = Path.of(dir, tool);
        if (Files.isExecutable(real) && !Files.exists(withoutJava.resolve(tool))) {
          Files.createSymbolicLink(withoutJava.resolve(tool), real);
        }
      }
    }
    withJava = Files.createDirectories(tmp.resolve("path-with-java"));
    Files.createSymbolicLink(
        withJava.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  /**
   * The links into /usr/bin and the JDK, removed before JUnit deletes the directory (and warns).
   */
  @AfterAll
  static void unlink() throws IOException {
    for (Path dir : List.of(withJava, withoutJava)) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path link : s.toList()) {
          Files.delete(link);
        }
      }
    }
  }

  private static Run run(Path cwd, String path, Map<String, String> extra, String... command)
      throws Exception {
    List<String> argv = new ArrayList<>(List.of(command));
    if (!argv.get(0).contains("/")) {
      // Looked up on the child's PATH, as a shell does (ProcessBuilder would use the test's).
      argv.add(0, "/usr/bin/env");
    }
    ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", path);
    env.put("HOME", tmp.resolve("home").toString());
    env.put("XDG_CACHE_HOME", tmp.resolve("home/.cache").toString());
    env.put("LANG", "C.UTF-8");
    env.putAll(extra);
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " timed out");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String path(Path... dirs) {
    return Stream.of(dirs).map(Path::toString).collect(Collectors.joining(":"));
  }

  private static Set<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void validatesTheSampleFromAnotherDirectoryWithoutMaven() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path sample = work.resolve("sample");
    Files.createDirectories(sample.resolve("rootfs"));
    Path from = Checkout.testdata().resolve("bundles/sample");
    Files.copy(from.resolve("config.json"), sample.resolve("config.json"));
    Files.copy(from.resolve("rootfs/README"), sample.resolve("rootfs/README"));
    Set<String> before = files(install);

    Run r = run(work, path(links, withJava, withoutJava), Map.of(), "oci-validate", "sample");

    assertEquals(0, r.exit(), r.err());
    // the sample's rootfs is empty: valid, with the advice that its sh is missing
    assertTrue(r.out().endsWith("VALID sample (bundle): 0 error(s), 1 warning(s)\n"), r.out());
    assertTrue(r.out().contains("process.args.executable-in-rootfs [ADVICE]"), r.out());
    assertEquals("", r.err());
    assertEquals(before, files(install), "the run wrote nothing into the install directory");
    try (Stream<Path> s = Files.list(tmp.resolve("home/.cache/ocikit/" + VERSION))) {
      List<Path> archives = s.filter(p -> p.toString().endsWith(".jsa")).toList();
      assertEquals(1, archives.size(), "one class-data archive in the user's cache");
    }
  }

  @Test
  void versionThroughASymlinkByAbsolutePath() throws Exception {
    Run r =
        run(
            tmp,
            path(withJava, withoutJava),
            Map.of(),
            links.resolve("oci-tool").toString(),
            "--version");
    assertEquals(0, r.exit(), r.err());
    assertEquals(OcikitVersion.build().toString(), r.out().lines().findFirst().orElseThrow());
    assertTrue(OcikitVersion.build().toString().startsWith("ocikit " + VERSION + " (commit "));
    Run sub =
        run(tmp, path(links, withJava, withoutJava), Map.of(), "oci-tool", "unpack", "--version");
    assertEquals(r.out(), sub.out(), "a subcommand prints the same version");
  }

  @Test
  void makesABundleFromTheSampleImage() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("bundle-work"));
    Run r =
        run(
            work,
            path(links, withJava, withoutJava),
            Map.of(),
            "oci-tool",
            "bundle",
            "--quiet",
            Checkout.testdata().resolve("images/sample").toString(),
            "out");
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.isRegularFile(work.resolve("out/config.json")), r.err());
    assertTrue(Files.isDirectory(work.resolve("out/rootfs")), r.err());
  }

  @Test
  void withoutJavaOneLineAndExit2() throws Exception {
    Run r = run(tmp, path(links, withoutJava), Map.of(), "oci-validate", "anything");
    assertEquals(2, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("oci-validate: needs Java 17 or later"), r.err());
  }

  @Test
  void tooOldJavaOneLineAndExit2() throws Exception {
    Path old = Files.createDirectories(tmp.resolve("jdk-11/bin"));
    Files.writeString(old.resolve("java"), "#!/bin/sh\nexit 0\n");
    old.resolve("java").toFile().setExecutable(true);
    Files.writeString(old.resolve("../release"), "JAVA_VERSION=\"11.0.2\"\n");
    Run r =
        run(
            tmp,
            path(links, withJava, withoutJava),
            Map.of("JAVA_HOME", old.getParent().toString()),
            "oci-tool",
            "--version");
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("is 11.0.2"), r.err());
  }

  @Test
  void selfContainedArchiveRunsWithoutAnyJava() throws Exception {
    Path archive = Path.of(System.getProperty("ocikit.dist.jlink"));
    assumeTrue(Files.isRegularFile(archive), "the self-contained archive is built with -Pjlink");
    Path unpacked = Files.createDirectories(tmp.resolve("self-contained"));
    Process tar =
        new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor(), "tar -xzf " + archive);
    Path bin = unpacked.resolve("ocikit-" + VERSION + "/bin");
    Path images = Checkout.testdata().resolve("images");
    // A cache of its own: its class-data archive is not the other tests' business.
    Map<String, String> cache = Map.of("XDG_CACHE_HOME", tmp.resolve("cache-jlink").toString());
    Run r =
        run(
            tmp,
            path(withoutJava),
            cache,
            bin.resolve("oci-validate").toString(),
            Checkout.testdata().resolve("bundles/sample").toString(),
            images.resolve("sample").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(2, r.out().lines().filter(l -> l.startsWith("VALID ")).count(), r.out());
    Path bundle = tmp.resolve("self-contained-bundle");
    Run made =
        run(
            tmp,
            path(withoutJava),
            cache,
            bin.resolve("oci-tool").toString(),
            "bundle",
            "--quiet",
            images.resolve("sample").toString(),
            bundle.toString());
    assertEquals(0, made.exit(), made.err());
    assertTrue(Files.isRegularFile(bundle.resolve("config.json")), made.err());
  }

  @Test
  void manPagesCompletionAndTheZipHoldTheSame() throws Exception {
    Path man = install.resolve("share/man/man1");
    for (String page : List.of("oci-validate.1", "oci-tool.1", "oci-tool-unpack.1")) {
      String text = Files.readString(man.resolve(page), StandardCharsets.UTF_8);
      assertTrue(text.startsWith(".TH \"" + page.replace(".1", "").toUpperCase()), page);
      assertTrue(text.contains(".SH EXIT STATUS"), page);
    }
    for (String tool : List.of("oci-validate", "oci-tool")) {
      Path script = install.resolve("share/bash-completion/completions").resolve(tool);
      Run r = run(tmp, path(withoutJava), Map.of(), "bash", "-n", script.toString());
      assertEquals(0, r.exit(), r.err());
      assertTrue(Files.readString(script).contains("complete -F"), tool);
    }
    Path zipFile = ARCHIVE.resolveSibling("ocikit-" + VERSION + ".zip");
    Set<String> zipped = new TreeSet<>();
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      zip.stream().filter(e -> !e.isDirectory()).forEach(e -> zipped.add(e.getName()));
    }
    List<String> unpacked = new ArrayList<>();
    for (String f : files(install)) {
      if (Files.isRegularFile(install.resolve(f))) {
        unpacked.add("ocikit-" + VERSION + "/" + f);
      }
    }
    assertEquals(new TreeSet<>(unpacked), zipped);
    assertFalse(zipped.stream().anyMatch(n -> n.contains("distribution-")), "no build-only jar");
    Map<String, Boolean> executable = new HashMap<>();
    for (String tool : List.of("oci-validate", "oci-tool")) {
      executable.put(tool, Files.isExecutable(install.resolve("bin").resolve(tool)));
    }
    assertEquals(Map.of("oci-validate", true, "oci-tool", true), executable);
  }

  /** NOTICE's promise: every bundled library is listed with its license, ours ship in each jar. */
  @Test
  void licenseNoticeAndEveryBundledLibraryNamed() throws Exception {
    String license = Files.readString(install.resolve("LICENSE"), StandardCharsets.UTF_8);
    assertTrue(license.contains("Apache License") && license.contains("Version 2.0"), "LICENSE");
    assertTrue(Files.readString(install.resolve("NOTICE")).contains("THIRD-PARTY.txt"), "NOTICE");
    String listed =
        Files.readString(
            install.resolve("share/doc/ocikit/THIRD-PARTY.txt"), StandardCharsets.UTF_8);
    // Lines read "(License) Name (group:artifact:version - url)": the jar each one names.
    Set<String> named = new TreeSet<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\(([^:()\\s]+):([^:()\\s]+):([^:()\\s]+) - ")
            .matcher(listed);
    while (m.find()) {
      named.add(m.group(2) + "-" + m.group(3) + ".jar");
    }
    List<String> unlisted = new ArrayList<>();
    try (Stream<Path> jars = Files.list(install.resolve("lib"))) {
      for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList()) {
        String name = jar.getFileName().toString();
        if (name.endsWith("-" + VERSION + ".jar")) {
          try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertTrue(zip.getEntry("META-INF/LICENSE") != null, name + " has META-INF/LICENSE");
          }
        } else if (!named.contains(name)) {
          unlisted.add(name);
        }
      }
    }
    assertEquals(List.of(), unlisted, "jars in lib/ missing from THIRD-PARTY.txt");
  }
}
