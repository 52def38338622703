package dev.ocikit.image.bundle;

import dev.ocikit.spec.digest.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Blobs of an image layout packed as a tar archive: headers are indexed once, blobs are streamed
 * from their offsets. Only regular-file entries named once count; a name that appears twice is
 * refused as ambiguous.
 */
final class ArchiveBlobs implements ImageBlobs {
  private final Path file;
  private final TarFile tar;
  private final Map<String, TarArchiveEntry> entries = new HashMap<>();
  private final Set<String> duplicates = new HashSet<>();

  ArchiveBlobs(Path file) throws IOException {
    this.file = file;
    try {
      this.tar = new TarFile(file);
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + " is neither an image layout directory nor a tar archive", e);
    }
    for (TarArchiveEntry e : tar.getEntries()) {
      String name = normalize(e.getName());
      if (entries.put(name, e) != null) {
        duplicates.add(name);
      }
    }
    if (!entries.containsKey("oci-layout")) {
      tar.close();
      throw new NoSuchFileException(
          file.toString(), null, "not an OCI image archive (no oci-layout entry)");
    }
  }

  private static String normalize(String name) {
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    while (n.endsWith("/")) {
      n = n.substring(0, n.length() - 1);
    }
    return n;
  }

  @Override
  public String describe() {
    return file.toString();
  }

  @Override
  public byte[] readIndex(long maxBytes) throws IOException {
    TarArchiveEntry e = regular("index.json");
    if (e.getSize() > maxBytes) {
      throw new IOException(file + ": index.json is larger than " + maxBytes + " bytes");
    }
    try (InputStream in = tar.getInputStream(e)) {
      return in.readAllBytes();
    }
  }

  @Override
  public InputStream openBlob(Digest digest) throws IOException {
    return tar.getInputStream(regular(ImageBlobs.blobPath(digest)));
  }

  private TarArchiveEntry regular(String name) throws IOException {
    TarArchiveEntry e = entries.get(name);
    if (e == null) {
      throw new NoSuchFileException(file.toString(), null, "missing " + name);
    }
    if (duplicates.contains(name)) {
      throw new IOException(file + ": " + name + " appears more than once in the archive");
    }
    if (!e.isFile() || e.isLink() || e.isSymbolicLink()) {
      throw new IOException(file + ": " + name + " is not a regular file entry");
    }
    return e;
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
