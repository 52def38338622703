package dev.ocikit.image.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.ImageReference;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.digest.DigestMismatchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both image sources: reading, listing, and refusing links, duplicates and missing blobs. */
class ImageSourceTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);
  private static final Digest D = Digest.compute(DigestAlgorithm.SHA256, HELLO);
  private static final String BLOB = "blobs/sha256/" + D.encoded();

  @TempDir Path dir;

  private Path layout() throws IOException {
    Path root = dir.resolve("layout");
    Files.createDirectories(root.resolve("blobs/sha256"));
    Files.writeString(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.write(root.resolve(BLOB), HELLO);
    return root;
  }

  @Test
  void directoryReadsVerifiesAndLists() throws IOException {
    try (ImageSource s = new LayoutDirectory(layout())) {
      assertEquals(
          "{\"imageLayoutVersion\":\"1.0.0\"}",
          new String(s.readFile("oci-layout", 100).orElseThrow(), StandardCharsets.UTF_8));
      assertTrue(s.readFile("index.json", 100).isEmpty());
      try (InputStream in = s.openBlob(D, HELLO.length)) {
        assertArrayEquals(HELLO, in.readAllBytes());
      }
      assertEquals(
          List.of(
              new BlobFile("blobs/sha256", BlobFile.Kind.DIRECTORY, 0),
              new BlobFile(BLOB, BlobFile.Kind.REGULAR, 5)),
          s.blobFiles());
      Digest other = Digest.compute(DigestAlgorithm.SHA256, "x".getBytes());
      assertThrows(NoSuchFileException.class, () -> s.openBlob(other));
    }
  }

  @Test
  void directoryRefusesLinkedBlobsAndLinkedAlgorithmDirectories() throws IOException {
    Path root = layout();
    Path outside = dir.resolve("outside");
    Files.move(root.resolve(BLOB), outside);
    Files.createSymbolicLink(root.resolve(BLOB), outside);
    try (ImageSource s = new LayoutDirectory(root)) {
      UnsafeBlobException e = assertThrows(UnsafeBlobException.class, () -> s.openBlob(D));
      assertEquals(BLOB + ": is a link, not a regular file; refused", e.getMessage());
    }
    Path elsewhere = dir.resolve("elsewhere");
    Files.createDirectories(elsewhere);
    Files.copy(outside, elsewhere.resolve(D.encoded()));
    Files.delete(root.resolve(BLOB));
    Files.delete(root.resolve("blobs/sha256"));
    Files.createSymbolicLink(root.resolve("blobs/sha256"), elsewhere);
    try (ImageSource s = new LayoutDirectory(root)) {
      UnsafeBlobException e = assertThrows(UnsafeBlobException.class, () -> s.openBlob(D));
      assertTrue(
          e.getMessage().contains("blobs/sha256 is a link, not a directory"), e.getMessage());
      assertEquals(List.of(new BlobFile("blobs/sha256", BlobFile.Kind.LINK, 0)), s.blobFiles());
    }
  }

  private void tar(Path file, String... namesAndTypes) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
      for (String n : namesAndTypes) {
        boolean link = n.startsWith("L:");
        String name = link ? n.substring(2) : n;
        TarArchiveEntry e =
            new TarArchiveEntry(
                name, link ? TarArchiveEntry.LF_SYMLINK : TarArchiveEntry.LF_NORMAL);
        if (link) {
          e.setLinkName("/etc/passwd");
        } else {
          e.setSize(HELLO.length);
        }
        t.putArchiveEntry(e);
        if (!link) {
          t.write(HELLO);
        }
        t.closeArchiveEntry();
      }
    }
  }

  @Test
  void archiveStreamsEntriesFromTheirOffsets() throws IOException {
    Path a = dir.resolve("a.tar");
    tar(a, "./oci-layout", "./" + BLOB);
    assertTrue(ImageSources.isArchive(a));
    try (OciArchive s = new OciArchive(a)) {
      assertTrue(s.contains("oci-layout"));
      assertArrayEquals(HELLO, s.readFile("oci-layout", 100).orElseThrow());
      try (InputStream in = s.openBlob(D, HELLO.length)) {
        assertArrayEquals(HELLO, in.readAllBytes());
      }
      assertEquals(List.of(new BlobFile(BLOB, BlobFile.Kind.REGULAR, 5)), s.blobFiles());
      Digest wrong = Digest.compute(DigestAlgorithm.SHA256, "x".getBytes());
      assertThrows(NoSuchFileException.class, () -> s.openBlob(wrong));
    }
  }

  @Test
  void archiveRefusesLinksAndRepeatedEntries() throws IOException {
    Path links = dir.resolve("links.tar");
    tar(links, "L:" + BLOB);
    try (OciArchive s = new OciArchive(links)) {
      UnsafeBlobException e = assertThrows(UnsafeBlobException.class, () -> s.openBlob(D));
      assertEquals(
          BLOB + ": is a link in the archive, not a regular file; refused", e.getMessage());
    }
    Path twice = dir.resolve("twice.tar");
    tar(twice, BLOB, "./" + BLOB);
    try (OciArchive s = new OciArchive(twice)) {
      UnsafeBlobException e = assertThrows(UnsafeBlobException.class, () -> s.openBlob(D));
      assertTrue(e.getMessage().contains("appears 2 times in the archive"), e.getMessage());
    }
  }

  @Test
  void verifyingOpenCatchesChangedContent() throws IOException {
    Path root = layout();
    Files.writeString(root.resolve(BLOB), "HELLO");
    try (ImageSource s = new LayoutDirectory(root);
        InputStream in = s.openBlob(D, 5)) {
      DigestMismatchException e = assertThrows(DigestMismatchException.class, in::readAllBytes);
      assertEquals(Digest.compute(DigestAlgorithm.SHA256, "HELLO".getBytes()), e.actual());
    }
  }

  @Test
  void detection() throws IOException {
    Path root = layout();
    assertTrue(ImageReference.isLayoutDirectory(root));
    Files.writeString(root.resolve("config.json"), "{}");
    assertFalse(
        ImageReference.isLayoutDirectory(root), "a bundle with an oci-layout stays a bundle");
    Path json = dir.resolve("x.json");
    Files.writeString(json, "{}");
    assertFalse(ImageSources.isArchive(json));
    Path unnamed = dir.resolve("image");
    tar(unnamed, "oci-layout");
    assertTrue(ImageSources.isArchive(unnamed), "a tar with oci-layout, whatever its name");
  }
}
