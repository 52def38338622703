package dev.ocikit.fuzz;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A small tar layer for the seed corpus, in 512-byte records (no 10 KiB padding, so seeds stay
 * small): long names and big numbers as PAX records, as most image builders write them.
 */
final class SeedTar {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, 512);

  SeedTar() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  SeedTar file(String name, String content) {
    return file(name, content, 0644);
  }

  SeedTar file(String name, String content, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setMode(0100000 | mode);
    return add(e, content.getBytes(StandardCharsets.UTF_8));
  }

  SeedTar dir(String name, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_DIR, true);
    e.setMode(040000 | mode);
    return add(e, null);
  }

  SeedTar symlink(String name, String target) {
    return link(name, target, TarConstants.LF_SYMLINK);
  }

  SeedTar hardlink(String name, String target) {
    return link(name, target, TarConstants.LF_LINK);
  }

  /** A FIFO, character or block device ({@code TarConstants.LF_FIFO}, {@code LF_CHR}…). */
  SeedTar node(String name, byte type) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setDevMajor(1);
    e.setDevMinor(3);
    return add(e, null);
  }

  /** A file with a PAX {@code SCHILY.xattr.} record. */
  SeedTar xattr(String name, String key, String value) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.addPaxHeader("SCHILY.xattr." + key, value);
    return add(e, new byte[0]);
  }

  /** A file owned by {@code uid:gid} with the given mode bits (setuid and sticky included). */
  SeedTar owned(String name, long uid, long gid, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setUserId(uid);
    e.setGroupId(gid);
    e.setMode(0100000 | mode);
    return add(e, new byte[0]);
  }

  byte[] plain() {
    try {
      tar.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  byte[] gzip() {
    return compress(plain(), false);
  }

  byte[] zstd() {
    return compress(plain(), true);
  }

  private SeedTar link(String name, String target, byte type) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setLinkName(target);
    return add(e, null);
  }

  private SeedTar add(TarArchiveEntry e, byte[] data) {
    e.setModTime(1_600_000_000_000L);
    try {
      if (data != null) {
        e.setSize(data.length);
      }
      tar.putArchiveEntry(e);
      if (data != null) {
        tar.write(data);
      }
      tar.closeArchiveEntry();
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    return this;
  }

  private static byte[] compress(byte[] data, boolean zstd) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream c = zstd ? new ZstdOutputStream(out) : new GZIPOutputStream(out)) {
      c.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
