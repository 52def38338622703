package dev.ocikit.image.unpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.image.UnpackException;
import dev.ocikit.image.tar.HostileInputMain;
import dev.ocikit.image.tar.RawTar;
import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names are created exactly or refused, whatever the caller's locale: under {@code LC_ALL=C} the
 * library refuses a non-ASCII name it could not write, and the launchers' locale setting ({@code
 * bin/ocikit-locale}) makes the same unpack work. Each case runs in a JVM of its own, started as a
 * cron job or a container would start it.
 */
class FileNameLocaleTest {
  private static final byte[] CAFE = "café".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private record Child(int exit, String out, String err) {}

  /**
   * Runs an unpack of {@code layer} in a child JVM with {@code LC_ALL=C}, through the locale script
   * or not.
   */
  private Child unpack(Path layer, boolean launcherLocale) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    List<String> cmd = new ArrayList<>();
    if (launcherLocale) {
      cmd.addAll(
          List.of(
              "bash", "-c", "source \"$1\" && exec \"$2\" -cp \"$3\" \"$4\" unpack \"$5\"", "-"));
      cmd.add(Checkout.root().resolve("bin/ocikit-locale").toString());
    }
    cmd.addAll(
        List.of(
            java,
            launcherLocale ? cp : "-cp",
            launcherLocale ? HostileInputMain.class.getName() : cp));
    if (!launcherLocale) {
      cmd.addAll(List.of(HostileInputMain.class.getName(), "unpack"));
    }
    cmd.add(layer.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
    pb.environment().put("LC_ALL", "C");
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not finish");
    return new Child(
        p.exitValue(),
        Files.readString(out, StandardCharsets.ISO_8859_1),
        Files.readString(err, StandardCharsets.ISO_8859_1));
  }

  /** The launchers' locale, C.UTF-8, is built into glibc 2.35 and later. */
  private static void assumeUtf8Locale() throws Exception {
    Process p =
        new ProcessBuilder("env", "LC_ALL=C.UTF-8", "locale", "charmap")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor();
    assumeTrue(out.equals("UTF-8"), "needs the C.UTF-8 locale (glibc 2.35+), got " + out);
  }

  private Path layer(byte[]... names) throws IOException {
    RawTar t = RawTar.tar();
    for (byte[] n : names) {
      t.add(RawTar.header(n, '0', 1)).body(new byte[] {'x'});
    }
    Path p = dir.resolve("layer.tar");
    Files.write(p, t.end().bytes());
    return p;
  }

  @Test
  void underTheCLocaleTheLibraryRefusesANonAsciiNameItCannotWrite() throws Exception {
    Child c = unpack(layer("plain".getBytes(StandardCharsets.US_ASCII), CAFE), false);
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().startsWith("REFUSED layer 0 (hostile) entry \"caf"), c.out());
    assertTrue(
        c.out().contains("file-name encoding (sun.jnu.encoding) is ANSI_X3.4-1968"), c.out());
    assertTrue(c.out().contains("LC_ALL=C.UTF-8"), c.out());
  }

  @Test
  void theLaunchersLocaleMakesTheSameUnpackWork() throws Exception {
    assumeUtf8Locale();
    Child c = unpack(layer(CAFE), true);
    assertEquals(0, c.exit(), c.err());
    assertTrue(c.out().startsWith("DONE unpacked into "), c.out());
    Path root =
        Path.of(c.out().substring("DONE unpacked into ".length(), c.out().indexOf(", warnings")));
    assumeTrue(
        "UTF-8".equals(System.getProperty("sun.jnu.encoding")),
        "this JVM must read names as UTF-8 to check the bytes on disk");
    try (Stream<Path> s = Files.list(root)) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      assertEquals(List.of("café"), names);
    }
  }

  @Test
  void theLaunchersLocaleStillRefusesNamesThatAreNotUtf8() throws Exception {
    assumeUtf8Locale();
    byte[] fe = {'r', 'a', 'w', (byte) 0xff, (byte) 0xfe};
    byte[] fd = {'r', 'a', 'w', (byte) 0xff, (byte) 0xfd};
    Child c = unpack(layer(fe, fd), true);
    assertEquals(0, c.exit(), c.err());
    assertTrue(
        c.out()
            .startsWith(
                "REFUSED layer 0 (hostile) entry \"raw\\udcff\\udcfe\": the name is not valid UTF-8"),
        c.out());
  }

  @Test
  void anEncodingThatIsNotUtf8AcceptsAsciiOnly() throws UnpackException {
    FileNameEncoding ascii = new FileNameEncoding("ANSI_X3.4-1968");
    ascii.check("plain/name", "the name");
    UnpackException e = assertThrows(UnpackException.class, () -> ascii.check("café", "the name"));
    assertTrue(e.getMessage().startsWith("the name is not ASCII"), e.getMessage());
    new FileNameEncoding("UTF-8").check("café", "the name");
    assertThrows(
        UnpackException.class, () -> new FileNameEncoding("UTF-8").check("r\udcff", "the name"));
  }
}
