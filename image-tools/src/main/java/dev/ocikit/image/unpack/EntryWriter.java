package dev.ocikit.image.unpack;

import dev.ocikit.image.UnpackException;
import dev.ocikit.image.tar.TarEntry;
import dev.ocikit.spec.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates one non-whiteout entry at a resolved target. Whatever exists there is removed first
 * (unless both are directories), so an existing inode is never modified in place and an existing
 * symlink is never written through.
 */
final class EntryWriter {
  private final RootFs fs;
  private final RootResolver resolver;
  private final MetadataWriter metadata;
  private final List<String> warnings;
  private final boolean rootless;
  private final byte[] buffer = new byte[1 << 20];

  EntryWriter(
      RootFs fs,
      RootResolver resolver,
      MetadataWriter metadata,
      List<String> warnings,
      boolean rootless) {
    this.fs = fs;
    this.resolver = resolver;
    this.metadata = metadata;
    this.warnings = warnings;
    this.rootless = rootless;
  }

  void write(RootResolver.Target t, TarEntry e, InputStream data, String where) throws IOException {
    Path p = t.path();
    // Creation is tried first and what exists is looked at only when the name is taken: in most
    // layers almost every name is new, and a failed lstat per entry is the costliest way to say so.
    TarEntry.Type type = e.type();
    if (type == TarEntry.Type.DIRECTORY) {
      boolean fresh = true;
      try {
        fs.mkdir(p, e.mode());
      } catch (FileAlreadyExistsException taken) {
        RootFs.Kind existing = fs.kind(p);
        fresh = existing != RootFs.Kind.DIRECTORY;
        if (fresh) {
          removeExisting(p, existing);
          fs.mkdir(p, e.mode());
        }
      }
      metadata.apply(t, e, RootFs.Kind.DIRECTORY, where, fresh);
      return;
    }
    if (type == TarEntry.Type.HARDLINK) {
      Path target = hardlinkTarget(e.linkName(), p);
      replacing(p, () -> fs.link(p, target));
      return; // a hardlink shares its inode's metadata; the header's copy is not applied
    }
    RootFs.Kind kind;
    if (type == TarEntry.Type.SYMLINK) {
      replacing(p, () -> fs.symlink(p, e.linkName()));
      kind = RootFs.Kind.SYMLINK;
    } else if (type == TarEntry.Type.CHAR_DEVICE
        || type == TarEntry.Type.BLOCK_DEVICE
        || type == TarEntry.Type.FIFO) {
      removeExisting(p, fs.kind(p));
      kind = node(p, e, where);
    } else if (type == TarEntry.Type.REGULAR) {
      replacing(p, () -> regular(p, e, data));
      kind = RootFs.Kind.REGULAR;
    } else {
      char f = e.typeflag();
      throw new UnpackException(
          "unsupported tar entry type "
              + (f > ' ' && f < 0x7f ? "'" + f + "'" : String.format("0x%02x", (int) f)));
    }
    metadata.apply(t, e, kind, where, true);
  }

  /** A creation that fails on a taken name; whatever holds the name is removed, then it retries. */
  private interface Creation {
    void run() throws IOException;
  }

  private void replacing(Path p, Creation create) throws IOException {
    try {
      create.run();
    } catch (FileAlreadyExistsException taken) {
      removeExisting(p, fs.kind(p));
      create.run();
    }
  }

  /** Removes what is at {@code p} (never following a symlink); nothing to do when missing. */
  private void removeExisting(Path p, RootFs.Kind existing) throws IOException {
    if (existing != RootFs.Kind.MISSING) {
      fs.removeTree(p);
    }
  }

  private Path hardlinkTarget(String unsafeLinkName, Path p) throws IOException {
    RootResolver.Target lt = resolver.resolve(unsafeLinkName);
    RootFs.Kind k = fs.kind(lt.path());
    if (lt.isRoot() || k == RootFs.Kind.DIRECTORY) {
      throw new UnpackException("hardlink to a directory is not allowed");
    }
    if (k == RootFs.Kind.MISSING) {
      throw new UnpackException(
          "hardlink target " + UntrustedText.quote(unsafeLinkName) + " does not exist in the root");
    }
    if (lt.path().equals(p)) {
      throw new UnpackException("hardlink to itself");
    }
    return lt.path();
  }

  private RootFs.Kind node(Path p, TarEntry e, String where) throws IOException {
    RootFs.NodeType type =
        switch (e.type()) {
          case FIFO -> RootFs.NodeType.FIFO;
          case CHAR_DEVICE -> RootFs.NodeType.CHAR;
          default -> RootFs.NodeType.BLOCK;
        };
    fs.mknod(p, type, e.mode(), e.devMajor(), e.devMinor());
    if (rootless && type != RootFs.NodeType.FIFO) {
      warnings.add(
          where
              + ": rootless: empty regular file in place of device "
              + e.devMajor()
              + ":"
              + e.devMinor());
      return RootFs.Kind.REGULAR;
    }
    return RootFs.Kind.SPECIAL;
  }

  private void regular(Path p, TarEntry e, InputStream data) throws IOException {
    long n = 0;
    try (OutputStream out = fs.createFile(p, e.mode())) {
      // One large write per buffer-full (one for most files) rather than one per tar block.
      for (int r; (r = data.readNBytes(buffer, 0, buffer.length)) > 0; ) {
        write(out, r, p);
        n += r;
      }
    }
    if (n != e.size()) {
      throw new UnpackException("truncated entry: " + n + " of " + e.size() + " bytes");
    }
  }

  /**
   * A failed write is the host's (a full disk), not the layer's: it names the file as every other
   * refused filesystem call does, so it is not taken for a corrupt image.
   */
  private void write(OutputStream out, int n, Path p) throws IOException {
    try {
      out.write(buffer, 0, n);
    } catch (FileSystemException refused) {
      throw refused;
    } catch (IOException refused) {
      throw new FileSystemException(p.toString(), null, refused.getMessage());
    }
  }
}
