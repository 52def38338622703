package dev.ocikit.image.layout;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.file.FileTooLargeException;
import dev.ocikit.spec.file.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An image layout stored as a directory. Blob paths are built from parsed digests only, every
 * component below the root is checked with {@code lstat} (a symbolic link is refused, never
 * followed), and files are opened with {@code O_NOFOLLOW}.
 *
 * <p>Not defended: a concurrent writer that swaps a checked directory for a link between the check
 * and the open (see {@code docs/security.md}).
 */
public final class LayoutDirectory implements ImageSource {
  private final Path root;

  /**
   * A source over the directory {@code root}.
   *
   * @throws NotDirectoryException if {@code root} is not a directory
   */
  public LayoutDirectory(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new NotDirectoryException(root.toString());
    }
    this.root = root;
  }

  @Override
  public String describe() {
    return root.toString();
  }

  @Override
  public Optional<byte[]> readFile(String name, long maxBytes) throws IOException {
    Path file = root.resolve(name);
    BasicFileAttributes attrs = lstat(file);
    if (attrs == null) {
      return Optional.empty();
    }
    requireRegular(name, attrs);
    try {
      return Optional.of(InputFile.read(file, maxBytes, NOFOLLOW_LINKS));
    } catch (FileTooLargeException e) {
      // The layout's content, not the reader's fault: a finding, not a refusal of the host.
      throw new IOException(name + " is larger than the limit of " + e.limit() + " bytes");
    }
  }

  @Override
  public InputStream openBlob(Digest digest) throws IOException {
    String rel = ImageSource.blobPath(digest);
    Path blobs = root.resolve("blobs");
    Path algDir = blobs.resolve(digest.algorithm().name());
    Path file = algDir.resolve(digest.encoded());
    for (Path dir : List.of(blobs, algDir)) {
      BasicFileAttributes a = lstat(dir);
      if (a == null) {
        throw new NoSuchFileException(rel);
      }
      if (!a.isDirectory()) {
        throw new UnsafeBlobException(
            rel,
            root.relativize(dir) + " is " + kindOf(a).words() + ", not a directory; not followed");
      }
    }
    BasicFileAttributes attrs = lstat(file);
    if (attrs == null) {
      throw new NoSuchFileException(rel);
    }
    requireRegular(rel, attrs);
    return Files.newInputStream(file, NOFOLLOW_LINKS);
  }

  @Override
  public List<BlobFile> blobFiles() throws IOException {
    Path blobs = root.resolve("blobs");
    BasicFileAttributes top = lstat(blobs);
    if (top == null || !top.isDirectory()) {
      return List.of();
    }
    List<BlobFile> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(blobs)) { // walk never follows links by default
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        if (p.equals(blobs)) {
          continue;
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW_LINKS);
        String rel = root.relativize(p).toString().replace('\\', '/');
        out.add(new BlobFile(rel, kindOf(a), a.isRegularFile() ? a.size() : 0));
      }
    }
    return out;
  }

  @Override
  public Optional<BlobFile.Kind> blobsDirectory() throws IOException {
    return Optional.ofNullable(lstat(root.resolve("blobs"))).map(LayoutDirectory::kindOf);
  }

  @Override
  public void close() {
    // nothing held open between calls
  }

  private static BasicFileAttributes lstat(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static void requireRegular(String rel, BasicFileAttributes attrs)
      throws UnsafeBlobException {
    if (!attrs.isRegularFile()) {
      throw new UnsafeBlobException(
          rel, "is " + kindOf(attrs).words() + ", not a regular file; refused");
    }
  }

  static BlobFile.Kind kindOf(BasicFileAttributes a) {
    if (a.isRegularFile()) {
      return BlobFile.Kind.REGULAR;
    }
    if (a.isDirectory()) {
      return BlobFile.Kind.DIRECTORY;
    }
    return a.isSymbolicLink() ? BlobFile.Kind.LINK : BlobFile.Kind.OTHER;
  }
}
