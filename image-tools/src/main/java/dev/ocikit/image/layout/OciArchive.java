package dev.ocikit.image.layout;

import dev.ocikit.image.TarLimits;
import dev.ocikit.image.tar.TarBudget;
import dev.ocikit.image.tar.TarEntry;
import dev.ocikit.image.tar.TarReader;
import dev.ocikit.spec.digest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An image layout packed as a tar archive ({@code skopeo copy … oci-archive:x.tar}). The entry
 * headers are indexed once when the archive is opened, by the one {@link TarReader} and under the
 * same {@link TarLimits} as layers (entries, name length, PAX header size; the file's size bounds
 * the rest), seeking over entry bodies; blobs are then streamed straight from their offsets with
 * positional reads, without extracting anything to disk.
 *
 * <p>Names are matched after dropping a leading {@code ./}. An entry that is a link, a directory, a
 * sparse or special file, or whose name appears more than once, is refused as a blob.
 */
public final class OciArchive implements ImageSource {
  private final Path file;
  private final FileChannel channel;
  private final Map<String, List<Entry>> entries;

  private record Entry(BlobFile.Kind kind, long offset, long size) {}

  /**
   * Opens and indexes the archive {@code file} under the default limits.
   *
   * @throws IOException if it is not a readable tar archive
   */
  public OciArchive(Path file) throws IOException {
    this(file, TarLimits.DEFAULTS);
  }

  /**
   * Opens and indexes the archive {@code file} under {@code limits}.
   *
   * @throws dev.ocikit.image.tar.TarException if it is not a tar archive read within the limits
   * @throws IOException if it cannot be read
   */
  public OciArchive(Path file, TarLimits limits) throws IOException {
    this.file = file;
    this.entries = index(file, limits);
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
  }

  private static Map<String, List<Entry>> index(Path file, TarLimits limits) throws IOException {
    Map<String, List<Entry>> out = new TreeMap<>();
    // The file's own size bounds what is read; only memory needs the other limits here.
    TarBudget budget = new TarBudget(limits.withMaxTotalBytes(Long.MAX_VALUE));
    try (InputStream in = Files.newInputStream(file)) {
      TarReader tar = TarReader.seeking(in, budget);
      for (TarEntry e; (e = tar.next()) != null; ) {
        BlobFile.Kind kind = kindOf(e);
        out.computeIfAbsent(normalize(e.name()), k -> new ArrayList<>())
            .add(new Entry(kind, tar.bodyOffset(), kind == BlobFile.Kind.REGULAR ? e.size() : 0));
      }
    }
    return out;
  }

  /** Entry names as paths relative to the layout root: no leading {@code ./}, no trailing /. */
  static String normalize(String name) {
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    while (n.endsWith("/") && n.length() > 1) {
      n = n.substring(0, n.length() - 1);
    }
    return n;
  }

  private static BlobFile.Kind kindOf(TarEntry e) {
    return switch (e.type()) {
      case DIRECTORY -> BlobFile.Kind.DIRECTORY;
      case SYMLINK, HARDLINK -> BlobFile.Kind.LINK;
      case REGULAR -> BlobFile.Kind.REGULAR;
      default -> BlobFile.Kind.OTHER;
    };
  }

  /** {@return whether the archive holds an entry named {@code name} (after normalization)} */
  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  @Override
  public String describe() {
    return file.toString();
  }

  @Override
  public Optional<byte[]> readFile(String name, long maxBytes) throws IOException {
    List<Entry> found = entries.get(name);
    if (found == null) {
      return Optional.empty();
    }
    Entry e = single(name, found);
    if (e.size() > maxBytes) {
      throw new IOException(name + " is " + e.size() + " bytes, more than " + maxBytes);
    }
    try (InputStream in = new ChannelSlice(channel, e.offset(), e.size())) {
      return Optional.of(in.readAllBytes());
    }
  }

  @Override
  public InputStream openBlob(Digest digest) throws IOException {
    String name = ImageSource.blobPath(digest);
    List<Entry> found = entries.get(name);
    if (found == null) {
      throw new NoSuchFileException(name);
    }
    Entry e = single(name, found);
    return new ChannelSlice(channel, e.offset(), e.size());
  }

  private static Entry single(String name, List<Entry> found) throws UnsafeBlobException {
    if (found.size() > 1) {
      throw new UnsafeBlobException(
          name, "appears " + found.size() + " times in the archive; which one counts is ambiguous");
    }
    Entry e = found.get(0);
    if (e.kind() != BlobFile.Kind.REGULAR) {
      throw new UnsafeBlobException(
          name, "is " + e.kind().words() + " in the archive, not a regular file; refused");
    }
    return e;
  }

  @Override
  public List<BlobFile> blobFiles() {
    List<BlobFile> out = new ArrayList<>();
    entries.forEach(
        (name, list) -> {
          if (name.startsWith("blobs/")) {
            list.forEach(e -> out.add(new BlobFile(name, e.kind(), e.size())));
          }
        });
    return out;
  }

  @Override
  public Optional<BlobFile.Kind> blobsDirectory() {
    List<Entry> own = entries.get("blobs");
    if (own != null) {
      // Repeated entries: any that is not a directory makes the name something else too.
      return own.stream()
          .map(Entry::kind)
          .filter(k -> k != BlobFile.Kind.DIRECTORY)
          .findFirst()
          .or(() -> Optional.of(BlobFile.Kind.DIRECTORY));
    }
    boolean implicit = entries.keySet().stream().anyMatch(n -> n.startsWith("blobs/"));
    return implicit ? Optional.of(BlobFile.Kind.DIRECTORY) : Optional.empty();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
