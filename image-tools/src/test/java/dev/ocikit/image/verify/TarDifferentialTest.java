package dev.ocikit.image.verify;

import static dev.ocikit.image.tar.RawTar.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.check.Finding;
import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.UnpackException;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.image.layout.ImageSources;
import dev.ocikit.image.tar.RawTar;
import dev.ocikit.image.tar.TarEntry;
import dev.ocikit.image.unpack.LayerApplier;
import dev.ocikit.image.unpack.LayerSource;
import dev.ocikit.image.verify.TestLayout.Blob;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.mediatype.Compression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tricky tar streams read by validation (the entries the image validator reads from a layout) and
 * by unpacking (the tree it makes): both must see the same paths, or both refuse the layer. A name
 * that is not UTF-8 is the one case in between: unpacking refuses it and validation reports it.
 */
class TarDifferentialTest {
  @TempDir Path dir;

  enum Outcome {
    /** Both read the layer; the paths are compared. */
    READ,
    /** Both refuse it. */
    REFUSED,
    /** Unpacking refuses it, validation reports the entry. */
    REPORTED,
    /**
     * Every entry complete but no end-of-archive marker: both read it (the paths are compared),
     * validation reports image.layer.end-of-archive and unpacking warns.
     */
    UNMARKED
  }

  record Case(String name, Outcome outcome, byte[] tar) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static byte[] hiding(String outer, String... hidden) {
    RawTar inner = RawTar.tar();
    for (String h : hidden) {
      inner.file(h, "");
    }
    byte[] in = inner.bytes();
    return RawTar.tar().add(header(outer, '0', in.length)).raw(in).bytes();
  }

  private static byte[] end(byte[]... parts) {
    RawTar t = RawTar.tar();
    for (byte[] p : parts) {
      t.raw(p);
    }
    return t.end().bytes();
  }

  static Stream<Case> cases() {
    byte[] fe = {'r', 'a', 'w', (byte) 0xff, (byte) 0xfe};
    byte[] fd = {'r', 'a', 'w', (byte) 0xff, (byte) 0xfd};
    return Stream.of(
        new Case(
            "plain types",
            Outcome.READ,
            RawTar.tar()
                .dir("d/")
                .file("d/f", "x")
                .add(header("d/s", '2', 0).link("f"))
                .add(header("d/h", '1', 0).link("d/f"))
                .end()
                .bytes()),
        new Case(
            "global size=0",
            Outcome.READ,
            end(RawTar.tar().pax('g', "size=0").bytes(), hiding("a", "etc/cron.d/job", "x"))),
        new Case(
            "duplicate size records",
            Outcome.READ,
            end(RawTar.tar().pax('x', "size=1024", "size=0").bytes(), hiding("a", "b", "c"))),
        new Case(
            "duplicate size records, larger last",
            Outcome.READ,
            end(RawTar.tar().pax('x', "size=0", "size=1024").bytes(), hiding("a", "b", "c"))),
        new Case(
            "bad checksum",
            Outcome.REFUSED,
            RawTar.tar().file("ok", "").add(header("x", '0', 0).wrongChecksum()).end().bytes()),
        new Case(
            "PAX path over the ustar name",
            Outcome.READ,
            RawTar.tar().pax('x', "path=pax/name").file("ustar", "u").end().bytes()),
        new Case(
            "global path",
            Outcome.READ,
            RawTar.tar().pax('g', "path=same").file("a", "1").file("b", "2").end().bytes()),
        new Case(
            "GNU long names and links",
            Outcome.READ,
            RawTar.tar()
                .gnuLong('L', "l/" + "n".repeat(150))
                .file("short", "")
                .gnuLong('L', "link-" + "m".repeat(120))
                .gnuLong('K', "l/" + "n".repeat(150))
                .add(header("sl", '2', 0))
                .end()
                .bytes()),
        new Case(
            "base-256 size",
            Outcome.READ,
            RawTar.tar()
                .add(header("b", '0', 0).base256Size(700))
                .body(new byte[700])
                .file("after", "")
                .end()
                .bytes()),
        new Case(
            "trailing data after the end marker",
            Outcome.READ,
            RawTar.tar().file("a", "").end().file("after-end", "").bytes()),
        new Case(
            "one zero block ends the archive",
            Outcome.READ,
            RawTar.tar().file("a", "").raw(new byte[512]).file("hidden", "").end().bytes()),
        new Case(
            "GNU sparse",
            Outcome.REFUSED,
            RawTar.tar().file("a", "").add(header("s", 'S', 0)).end().bytes()),
        new Case(
            "PAX sparse",
            Outcome.REFUSED,
            RawTar.tar()
                .pax('x', "GNU.sparse.major=1", "GNU.sparse.minor=0")
                .file("s", "")
                .end()
                .bytes()),
        new Case(
            "names that are not UTF-8",
            Outcome.REPORTED,
            RawTar.tar().add(header(fe, '0', 0)).add(header(fd, '0', 0)).end().bytes()),
        new Case(
            "symlink target that is not UTF-8",
            Outcome.REPORTED,
            RawTar.tar()
                .paxBody(
                    'x', RawTar.record(concat("linkpath=".getBytes(StandardCharsets.US_ASCII), fe)))
                .add(header("s", '2', 0))
                .end()
                .bytes()),
        new Case(
            "nested PAX headers",
            Outcome.READ,
            RawTar.tar().pax('x', "path=first").pax('x', "uid=3").file("ustar", "").end().bytes()),
        new Case(
            "a header ending mid-stream",
            Outcome.REFUSED,
            java.util.Arrays.copyOf(RawTar.tar().file("a", "").file("b", "").bytes(), 700)),
        new Case(
            "a body ending mid-stream",
            Outcome.REFUSED,
            java.util.Arrays.copyOf(RawTar.tar().file("a", "x".repeat(2000)).bytes(), 1024)),
        new Case(
            "an unclosed writer: no end marker",
            Outcome.UNMARKED,
            RawTar.tar().dir("d/").file("d/a", "x").file("b", "").bytes()),
        new Case(
            "an unclosed writer: cut inside the last padding",
            Outcome.UNMARKED,
            java.util.Arrays.copyOf(RawTar.tar().file("a", "").file("b", "hello").bytes(), 1029)),
        new Case("no entry and no end marker", Outcome.UNMARKED, new byte[0]),
        new Case(
            "a body ending mid-stream with no end marker either",
            Outcome.REFUSED,
            java.util.Arrays.copyOf(RawTar.tar().file("a", "hello").bytes(), 514)),
        new Case(
            "an extended header and no entry",
            Outcome.REFUSED,
            RawTar.tar().file("a", "").pax('x', "path=b").bytes()),
        new Case(
            "header-only types with a size",
            Outcome.READ,
            end(
                RawTar.tar().add(header("d", '5', 1024)).bytes(),
                RawTar.tar().file("d/one", "").file("d/two", "").bytes())),
        new Case(
            "ustar prefix",
            Outcome.READ,
            RawTar.tar().add(header("name", '0', 0).prefix("some/prefix")).end().bytes()),
        new Case(
            "old NUL type with a trailing slash",
            Outcome.READ,
            RawTar.tar().add(header("olddir/", '\0', 0)).file("olddir/f", "").end().bytes()),
        new Case(
            "a PAX size on a directory",
            Outcome.READ,
            end(
                RawTar.tar().pax('x', "size=1024").add(header("d", '5', 0)).bytes(),
                hiding("d/x", "d/y"))),
        new Case(
            "duplicate entries",
            Outcome.READ,
            RawTar.tar().file("a", "1").file("a", "2").file("./a", "3").end().bytes()),
        new Case(
            "a PAX size that is not a number",
            Outcome.REFUSED,
            RawTar.tar().pax('x', "size=12x").file("a", "").end().bytes()),
        new Case(
            "a PAX record with a wrong length",
            Outcome.REFUSED,
            RawTar.tar()
                .paxBody('x', "99 path=a\n".getBytes(StandardCharsets.US_ASCII))
                .file("a", "")
                .end()
                .bytes()));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** What validation saw: the paths of the entries it read, or null when it refused the layer. */
  private record Validation(
      Set<String> paths, boolean refused, boolean reported, boolean unmarked) {}

  private Validation validate(byte[] tar) throws IOException {
    Path layout = dir.resolve("layout");
    TestLayout l = new TestLayout(layout, DigestAlgorithm.SHA256);
    Blob layer = l.blob(TestLayout.TAR, tar);
    l.index(
        l.manifest(
                l.config(List.of(Digest.compute(DigestAlgorithm.SHA256, tar))), List.of(layer), "")
            .descriptor());
    Set<String> paths = new TreeSet<>();
    List<Finding> findings;
    try (ImageSource source = ImageSources.open(layout)) {
      findings =
          LayoutValidation.run(
              source, ImageValidationOptions.DEFAULT, (ref, e) -> addPath(paths, e));
    } catch (IOException e) {
      return new Validation(null, true, false, false);
    }
    boolean refused =
        findings.stream()
            .anyMatch(
                f ->
                    f.ruleId().equals("image.layer.format")
                        || f.ruleId().equals("image.layer.entry.sparse"));
    boolean reported =
        findings.stream().anyMatch(f -> f.ruleId().equals("image.layer.entry.utf8-name"));
    boolean unmarked =
        findings.stream().anyMatch(f -> f.ruleId().equals("image.layer.end-of-archive"));
    return new Validation(paths, refused, reported, unmarked);
  }

  private static void addPath(Set<String> paths, TarEntry e) {
    String p = LayerLint.normalize(e.name());
    for (int s = p.length(); s > 0; s = p.lastIndexOf('/', s - 1)) {
      paths.add(p.substring(0, s));
    }
  }

  /** The warnings of the last {@link #unpack}. */
  private List<String> warnings = List.of();

  /** What unpacking made: every path under the root, or null when it refused the layer. */
  private Set<String> unpack(byte[] tar) throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    LayerSource s = new LayerSource("l", Compression.NONE, () -> new ByteArrayInputStream(tar));
    try {
      warnings = LayerApplier.apply(List.of(s), root, UnpackOptions.defaults()).warnings();
    } catch (UnpackException e) {
      return null;
    }
    Set<String> out = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> !p.equals(root)).forEach(p -> out.add(root.relativize(p).toString()));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validationAndUnpackSeeTheSameEntries(Case c) throws IOException {
    Validation v = validate(c.tar());
    Set<String> tree = unpack(c.tar());
    switch (c.outcome()) {
      case READ -> {
        assertEquals(false, v.refused(), "validation refused the layer");
        assertEquals(false, v.unmarked(), "validation missed the end marker");
        assertEquals(v.paths(), tree, "validation saw the left, unpacking made the right");
        assertEquals(List.of(), warnings.stream().filter(w -> w.contains("marker")).toList());
      }
      case UNMARKED -> {
        assertEquals(false, v.refused(), "validation refused the layer");
        assertEquals(true, v.unmarked(), "validation did not report the missing end marker");
        assertEquals(v.paths(), tree, "validation saw the left, unpacking made the right");
        assertEquals(
            List.of(
                "layer 0 (l): the tar stream ends without its end-of-archive marker (an unclosed tar"
                    + " writer, as old umoci left it); every entry was complete and is applied"),
            warnings);
      }
      case REFUSED -> {
        assertEquals(true, v.refused(), "validation read the layer: " + v.paths());
        assertEquals(false, v.unmarked(), "cut content is not a missing end marker");
        assertEquals(null, tree, "unpacking read the layer");
      }
      case REPORTED -> {
        assertEquals(true, v.reported(), "validation did not report the name");
        assertEquals(null, tree, "unpacking made the names");
      }
    }
  }
}
