package dev.ocikit.image.bundle;

import dev.ocikit.spec.digest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Blobs of an image layout directory; symlinked or non-regular blob files are refused. */
final class LayoutDirectoryBlobs implements ImageBlobs {
  private final Path dir;

  LayoutDirectoryBlobs(Path dir) throws IOException {
    this.dir = dir;
    if (!Files.isRegularFile(dir.resolve("oci-layout"), LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(
          dir.toString(), null, "not an OCI image layout (no oci-layout file)");
    }
  }

  @Override
  public String describe() {
    return dir.toString();
  }

  @Override
  public byte[] readIndex(long maxBytes) throws IOException {
    Path p = regular("index.json");
    if (Files.size(p) > maxBytes) {
      throw new IOException(p + " is larger than " + maxBytes + " bytes");
    }
    return Files.readAllBytes(p);
  }

  @Override
  public InputStream openBlob(Digest digest) throws IOException {
    Path p = regular(ImageBlobs.blobPath(digest));
    return Files.newInputStream(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  }

  private Path regular(String relative) throws IOException {
    Path p = dir.resolve(relative);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(dir.toString(), null, "missing " + relative);
    }
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(dir + ": " + relative + " is not a regular file");
    }
    return p;
  }

  @Override
  public void close() {}
}
