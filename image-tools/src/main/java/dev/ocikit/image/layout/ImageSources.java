package dev.ocikit.image.layout;

import dev.ocikit.image.TarLimits;
import dev.ocikit.spec.file.FileKind;
import dev.ocikit.spec.file.FileKindException;
import dev.ocikit.spec.file.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens the right {@link ImageSource} for a path and tells layouts and archives apart. */
public final class ImageSources {
  private static final int USTAR_MAGIC_OFFSET = 257;

  private ImageSources() {}

  /**
   * A {@link LayoutDirectory} for a directory, an {@link OciArchive} (indexed under the default
   * limits) for a regular file. What the path is gets decided before anything is opened: a FIFO or
   * a device is refused, not read.
   *
   * @throws NoSuchFileException if {@code path} does not exist
   * @throws FileKindException if it is neither a directory nor a regular file
   */
  public static ImageSource open(Path path) throws IOException {
    return open(path, TarLimits.DEFAULTS);
  }

  /**
   * As {@link #open(Path)}, an {@link OciArchive} being indexed under {@code limits}.
   *
   * @throws NoSuchFileException if {@code path} does not exist
   * @throws FileKindException if it is neither a directory nor a regular file
   */
  public static ImageSource open(Path path, TarLimits limits) throws IOException {
    FileKind kind = InputFile.kind(path);
    if (kind == FileKind.DIRECTORY) {
      return new LayoutDirectory(path);
    }
    if (kind != FileKind.REGULAR) {
      throw new FileKindException(path.toString(), kind, FileKind.REGULAR);
    }
    return new OciArchive(path, limits);
  }

  /**
   * True for a regular file named {@code *.tar}, or a POSIX tar file with an {@code oci-layout}
   * entry.
   */
  public static boolean isArchive(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    if (path.getFileName().toString().endsWith(".tar")) {
      return true;
    }
    if (!hasTarMagic(path)) {
      return false;
    }
    try (OciArchive archive = new OciArchive(path)) {
      return archive.contains(ImageSource.OCI_LAYOUT);
    } catch (IOException notTar) {
      return false;
    }
  }

  private static boolean hasTarMagic(Path path) throws IOException {
    try (InputStream in = InputFile.open(path)) {
      byte[] head = in.readNBytes(USTAR_MAGIC_OFFSET + 5);
      return head.length == USTAR_MAGIC_OFFSET + 5
          && new String(head, USTAR_MAGIC_OFFSET, 5, StandardCharsets.US_ASCII).equals("ustar");
    }
  }
}
