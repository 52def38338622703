package dev.ocikit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Level;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the README's snippet on copies of the checkout's sample bundle and image. */
class LibrarySnippetsTest {
  private static final Path TESTDATA = Path.of(System.getProperty("ocikit.testdata"));
  private static LibrarySnippets.Results results;

  @BeforeAll
  static void runTheSnippetInAFreshDirectory() throws IOException {
    Path here = Path.of("").toAbsolutePath();
    for (String name : List.of("bundle", "image-layout")) {
      deleteTree(here.resolve(name));
    }
    copyTree(TESTDATA.resolve("bundles/sample"), here.resolve("bundle"));
    copyTree(TESTDATA.resolve("images/sample"), here.resolve("image-layout"));
    results = LibrarySnippets.run();
  }

  @Test
  void theChangedConfigIsWrittenBack() throws IOException {
    RuntimeConfig reread =
        OciJson.read(Path.of("bundle/config.json"), RuntimeConfig::fromJson);
    assertEquals("web", reread.hostname());
    assertEquals(List.of("nginx", "-g", "daemon off;"), reread.process().args());
    assertEquals(results.changed(), reread);
  }

  @Test
  void theBundleAndTheImageAreValid() {
    assertNoErrors(results.r());
    assertNoErrors(results.i());
    assertEquals("image-layout", results.i().type());
    assertEquals(results.i().findings(), results.any().findings(), "the one entry point validates it alike");
    assertEquals("image-layout", results.any().type());
  }

  @Test
  void theGeneratorAndTheDigestWork() {
    assertEquals("demo", results.fresh().hostname());
    assertEquals(
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        results.d().toString());
  }

  @Test
  void theReadmeShowsWhatThisProjectCompiles() throws IOException {
    String readme = Files.readString(TESTDATA.resolve("../README.md"));
    Matcher block =
        Pattern.compile("## Using the library.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "README.md has no java block under 'Using the library'");
    String source =
        Files.readString(Path.of(System.getProperty("ocikit.testdata"), "..", "examples", "src",
            "main", "java", "dev", "ocikit", "examples", "LibrarySnippets.java"));
    for (String line : block.group(1).split("\n")) {
      if (!line.isBlank()) {
        assertTrue(source.contains(line.strip()), "README line not in LibrarySnippets: " + line);
      }
    }
  }

  private static void assertNoErrors(ValidationResult r) {
    List<Finding> musts = r.findings().stream().filter(f -> f.level() == Level.MUST).toList();
    assertFalse(r.readError() != null, r.path() + ": " + r.readError());
    assertTrue(musts.isEmpty(), r.path() + ": " + musts);
    assertTrue(r.valid(), r.path() + " is not valid: " + r.findings());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
