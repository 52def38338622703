package dev.ocikit.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Level;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.spec.file.FileKind;
import dev.ocikit.spec.file.FileKindException;
import dev.ocikit.spec.testing.Checkout;
import dev.ocikit.spec.testing.SpecialFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle's config.json or a document that is a FIFO, a device or a huge file: refused at once as
 * unreadable, or reported as over the size limit, never waited on or read whole.
 */
class SpecialInputsTest {
  private static final ValidationOptions ALL = new ValidationOptions(Level.MAY, null, false);

  @TempDir Path tmp;

  private Path bundle() throws IOException {
    Path b = Files.createDirectories(tmp.resolve("bundle"));
    Files.createDirectories(b.resolve("rootfs"));
    return b;
  }

  private static void refused(Path fifo, FileKind kind, ThrowingRun run) {
    FileKindException e =
        SpecialFiles.withoutHanging(fifo, () -> assertThrows(FileKindException.class, run::run));
    assertEquals(kind, e.kind());
  }

  private interface ThrowingRun {
    void run() throws IOException;
  }

  @Test
  void aFifoConfigIsUnreadableNotAwaited() throws Exception {
    Path bundle = bundle();
    Path fifo = SpecialFiles.fifo(bundle, "config.json");
    refused(fifo, FileKind.FIFO, () -> BundleValidator.validate(bundle, ALL));
    refused(fifo, FileKind.FIFO, () -> BundleValidator.validateConfig(fifo, ALL));
    refused(fifo, FileKind.FIFO, () -> new DocumentValidator(ALL).validate(fifo));
  }

  @Test
  void aConfigLinkedToDevZeroIsUnreadableNotReadForever() throws Exception {
    Path bundle = bundle();
    SpecialFiles.link(bundle, "config.json", SpecialFiles.DEV_ZERO);
    refused(null, FileKind.CHARACTER_DEVICE, () -> BundleValidator.validate(bundle, ALL));
    refused(
        null,
        FileKind.CHARACTER_DEVICE,
        () -> new DocumentValidator(ALL).validate(SpecialFiles.DEV_ZERO));
  }

  @Test
  void aSocketDocumentIsUnreadable() throws Exception {
    Path sock = SpecialFiles.socket(tmp, "state.json");
    refused(null, FileKind.SOCKET, () -> new DocumentValidator(ALL).validate(sock));
  }

  @Test
  void aHugeConfigIsAFindingAboutItsSize() throws Exception {
    Path bundle = bundle();
    SpecialFiles.sparse(bundle, "config.json", 3L << 30);
    List<Finding> got = BundleValidator.validate(bundle, ALL).findings();
    assertEquals(List.of("json.limit"), got.stream().map(Finding::ruleId).toList());
    assertEquals("document is larger than the limit of 67108864 bytes", got.get(0).message());
  }

  @Test
  void aRootLinkThatStaysInsideTheBundleIsFineAndDotDotIsNot() throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve("bundle"));
    Files.copy(
        Checkout.testdata().resolve("rules/root.path.within-bundle/good.json"),
        bundle.resolve("config.json"));
    Files.createDirectories(bundle.resolve("images/one"));
    Files.createSymbolicLink(bundle.resolve("rootfs"), Path.of("images/one"));
    assertEquals(List.of(), withinBundle(bundle));

    Files.delete(bundle.resolve("rootfs"));
    Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(bundle.resolve("rootfs"), Path.of("../elsewhere"));
    assertEquals(
        List.of(
            "root.path=\"rootfs\" resolves to "
                + tmp.toRealPath().resolve("elsewhere")
                + ", outside the bundle directory "
                + bundle.toRealPath()),
        withinBundle(bundle));
  }

  private static List<String> withinBundle(Path bundle) throws IOException {
    return BundleValidator.validate(bundle, ALL).findings().stream()
        .filter(f -> f.ruleId().equals("root.path.within-bundle"))
        .map(Finding::message)
        .toList();
  }
}
