package dev.ocikit.image.unpack;

import dev.ocikit.spec.mediatype.Compression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Writes test layers (including hostile ones) with commons-compress. */
final class TarBuilder {
  static final FileTime MTIME = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));

  private record Item(TarArchiveEntry entry, byte[] data) {}

  private final List<Item> items = new ArrayList<>();
  private int longFileMode = TarArchiveOutputStream.LONGFILE_POSIX;

  static TarBuilder tar() {
    return new TarBuilder();
  }

  TarBuilder gnuLongNames() {
    longFileMode = TarArchiveOutputStream.LONGFILE_GNU;
    return this;
  }

  TarBuilder dir(String name, int mode) {
    return dir(name, mode, 0, 0);
  }

  TarBuilder dir(String name, int mode, int uid, int gid) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    e.setMode(mode);
    e.setUserId(uid);
    e.setGroupId(gid);
    return add(e, null);
  }

  TarBuilder file(String name, String content) {
    return file(name, content, 0644);
  }

  TarBuilder file(String name, String content, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(mode);
    return add(e, content.getBytes(StandardCharsets.UTF_8));
  }

  TarBuilder symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    e.setMode(0777);
    return add(e, null);
  }

  TarBuilder hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK);
    e.setLinkName(target);
    return add(e, null);
  }

  TarBuilder node(String name, byte type, int major, int minor, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    e.setDevMajor(major);
    e.setDevMinor(minor);
    e.setMode(mode);
    return add(e, null);
  }

  /**
   * Adds xattr {@code name} = {@code value} (a PAX {@code SCHILY.xattr.} record) to the last entry.
   */
  TarBuilder xattr(String name, String value) {
    items.get(items.size() - 1).entry().addPaxHeader("SCHILY.xattr." + name, value);
    return this;
  }

  /** Gives the last entry {@code mtime} (and no access time of its own). */
  TarBuilder at(Instant mtime) {
    items.get(items.size() - 1).entry().setLastModifiedTime(FileTime.from(mtime));
    return this;
  }

  /** Gives the last entry an owner. */
  TarBuilder owner(int uid, int gid) {
    items.get(items.size() - 1).entry().setIds(uid, gid);
    return this;
  }

  TarBuilder whiteout(String name) {
    return file(name, "", 0);
  }

  /**
   * Adds a prepared entry; its times default to {@link #MTIME} (an entry made without setting them
   * holds the time it was made).
   */
  TarBuilder add(TarArchiveEntry e, byte[] data) {
    if (e.getLastModifiedTime() == null
        || Math.abs(e.getLastModifiedTime().toMillis() - System.currentTimeMillis()) < 600_000) {
      e.setLastModifiedTime(MTIME);
    }
    if (data != null) {
      e.setSize(data.length);
    }
    items.add(new Item(e, data));
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(buf)) {
      out.setLongFileMode(longFileMode);
      out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Item it : items) {
        out.putArchiveEntry(it.entry());
        if (it.data() != null) {
          out.write(it.data());
        }
        out.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  byte[] gzip() {
    return compress(true);
  }

  byte[] zstd() {
    return compress(false);
  }

  private byte[] compress(boolean gzip) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (var out =
        gzip ? new GzipCompressorOutputStream(buf) : new ZstdCompressorOutputStream(buf)) {
      out.write(bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  LayerSource layer() {
    return source("test", bytes());
  }

  static LayerSource source(String name, byte[] blob) {
    return new LayerSource(name, Compression.UNKNOWN, () -> new ByteArrayInputStream(blob));
  }
}
