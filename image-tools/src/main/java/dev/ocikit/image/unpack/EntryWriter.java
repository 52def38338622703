package dev.ocikit.image.unpack;

import dev.ocikit.spec.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

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

  void write(RootResolver.Target t, TarArchiveEntry e, InputStream data, String where)
      throws IOException {
    Path p = t.path();
    // Creation is tried first and what exists is looked at only when the name is taken: in most
    // layers almost every name is new, and a failed lstat per entry is the costliest way to say so.
    if (isDirectory(e)) {
      boolean fresh = true;
      try {
        fs.mkdir(p, e.getMode());
      } catch (FileAlreadyExistsException taken) {
        RootFs.Kind existing = fs.kind(p);
        fresh = existing != RootFs.Kind.DIRECTORY;
        if (fresh) {
          removeExisting(p, existing);
          fs.mkdir(p, e.getMode());
        }
      }
      metadata.apply(t, e, RootFs.Kind.DIRECTORY, where, fresh);
      return;
    }
    if (e.isLink()) {
      Path target = hardlinkTarget(e.getLinkName(), p);
      replacing(p, () -> fs.link(p, target));
      return; // a hardlink shares its inode's metadata; the header's copy is not applied
    }
    RootFs.Kind kind;
    if (e.isSymbolicLink()) {
      replacing(p, () -> fs.symlink(p, e.getLinkName()));
      kind = RootFs.Kind.SYMLINK;
    } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      removeExisting(p, fs.kind(p));
      kind = node(p, e, where);
    } else if (isRegular(e)) {
      replacing(p, () -> regular(p, e, data));
      kind = RootFs.Kind.REGULAR;
    } else {
      throw new UnpackException(
          "unsupported tar entry type '"
              + (char) e.getLinkFlag()
              + "'"
              + (e.isSparse() ? " (sparse)" : ""));
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

  /**
   * commons-compress calls any name ending in '/' a directory; the type flag must win so that a
   * symlink or hardlink named {@code x/} is not mistaken for one.
   */
  static boolean isDirectory(TarArchiveEntry e) {
    return e.isDirectory()
        && !e.isSymbolicLink()
        && !e.isLink()
        && !e.isCharacterDevice()
        && !e.isBlockDevice()
        && !e.isFIFO();
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

  private RootFs.Kind node(Path p, TarArchiveEntry e, String where) throws IOException {
    RootFs.NodeType type =
        e.isFIFO()
            ? RootFs.NodeType.FIFO
            : e.isCharacterDevice() ? RootFs.NodeType.CHAR : RootFs.NodeType.BLOCK;
    fs.mknod(p, type, e.getMode(), e.getDevMajor(), e.getDevMinor());
    if (rootless && type != RootFs.NodeType.FIFO) {
      warnings.add(
          where
              + ": rootless: empty regular file in place of device "
              + e.getDevMajor()
              + ":"
              + e.getDevMinor());
      return RootFs.Kind.REGULAR;
    }
    return RootFs.Kind.SPECIAL;
  }

  private void regular(Path p, TarArchiveEntry e, InputStream data) throws IOException {
    long n = 0;
    try (OutputStream out = fs.createFile(p, e.getMode())) {
      // One large write per buffer-full (one for most files) rather than one per tar block.
      for (int r; (r = data.readNBytes(buffer, 0, buffer.length)) > 0; ) {
        out.write(buffer, 0, r);
        n += r;
      }
    }
    if (n != e.getSize()) {
      throw new UnpackException("truncated entry: " + n + " of " + e.getSize() + " bytes");
    }
  }

  /** Plain, old-style and contiguous files; sparse files are refused (see docs/security.md). */
  private static boolean isRegular(TarArchiveEntry e) {
    byte f = e.getLinkFlag();
    return (f == '0' || f == 0 || f == '7') && !e.isSparse();
  }
}
