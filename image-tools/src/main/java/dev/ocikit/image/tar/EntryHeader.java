package dev.ocikit.image.tar;

import dev.ocikit.image.TarLimits;
import dev.ocikit.image.tar.PaxRecords.Key;
import dev.ocikit.image.tar.TarHeader.Format;
import dev.ocikit.spec.UntrustedText;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds one {@link TarEntry} from its header block and the extended records in force (the entry's
 * own PAX records, GNU long names, then the global PAX records), in the order of precedence {@link
 * TarReader} documents, and checks the limits that concern a single entry.
 */
final class EntryHeader {
  private final TarHeader h;
  private final TarReader reader;
  private final PaxRecords local;
  private final PaxRecords global;

  EntryHeader(TarHeader h, TarReader reader) {
    this.h = h;
    this.reader = reader;
    this.local = reader.local();
    this.global = reader.global();
  }

  /** The entry; {@code headerSize} is the header's own size field. */
  TarEntry entry(char typeflag, long headerSize) throws TarException {
    Format f = h.format();
    byte[] rawName = text(Key.PATH, reader.longNameRecord(), () -> h.name(f));
    String name = TarText.decode(rawName);
    // The place is written only for a message: quoting a name costs more than reading a header.
    Supplier<String> where = () -> "entry " + UntrustedText.quote(name);
    TarLimits limits = reader.budget().limits();
    pathLength(rawName, "the name", where);
    sparse(typeflag, where);
    TarEntry.Type type = TarEntry.Type.of(typeflag, name);
    String linkName = "";
    if (type == TarEntry.Type.HARDLINK || type == TarEntry.Type.SYMLINK) {
      byte[] rawLink = text(Key.LINKPATH, reader.longLinkRecord(), h::linkName);
      pathLength(rawLink, "the link target", where);
      linkName = TarText.decode(rawLink);
    }
    if (!reader.budget().addEntry()) {
      throw new TarLimitException(
          where.get(),
          "maxEntries",
          limits.maxEntries(),
          "more than " + limits.maxEntries() + " entries");
    }
    try {
      return build(name, rawName, type, typeflag, headerSize, f, linkName);
    } catch (NumberFormatException e) {
      throw new TarFormatException(where.get(), e.getMessage());
    }
  }

  private TarEntry build(
      String name,
      byte[] rawName,
      TarEntry.Type type,
      char typeflag,
      long headerSize,
      Format f,
      String linkName) {
    byte[] paxSize = number(Key.SIZE);
    long size = paxSize != null ? PaxNumbers.unsigned(paxSize, "size") : headerSize;
    int mode = h.smallUnsigned(100, 8, "mode");
    byte[] paxUid = number(Key.UID);
    long uid = paxUid != null ? PaxNumbers.unsigned(paxUid, "uid") : h.unsigned(108, 8, "uid");
    byte[] paxGid = number(Key.GID);
    long gid = paxGid != null ? PaxNumbers.unsigned(paxGid, "gid") : h.unsigned(116, 8, "gid");
    byte[] paxMtime = number(Key.MTIME);
    FileTime mtime =
        paxMtime != null
            ? PaxNumbers.time(paxMtime, "mtime")
            : FileTime.from(h.number(136, 12, "mtime"), TimeUnit.SECONDS);
    byte[] paxAtime = number(Key.ATIME);
    FileTime atime = paxAtime != null ? PaxNumbers.time(paxAtime, "atime") : gnuAtime(f);
    byte[] uname = number(Key.UNAME);
    byte[] gname = number(Key.GNAME);
    boolean device = type == TarEntry.Type.CHAR_DEVICE || type == TarEntry.Type.BLOCK_DEVICE;
    boolean hasDevFields = device && f != Format.V7;
    return new TarEntry(
        name,
        rawName,
        type,
        typeflag,
        type.headerOnly() ? 0 : size,
        mode,
        uid,
        gid,
        uname != null ? TarText.decode(uname) : h.owner(f, 265),
        gname != null ? TarText.decode(gname) : h.owner(f, 297),
        mtime,
        atime,
        linkName,
        hasDevFields ? h.smallUnsigned(329, 8, "devmajor") : 0,
        hasDevFields ? h.smallUnsigned(337, 8, "devminor") : 0,
        xattrs());
  }

  private void pathLength(byte[] raw, String what, Supplier<String> where)
      throws TarLimitException {
    int max = reader.budget().limits().maxPathLength();
    if (raw.length > max) {
      throw new TarLimitException(
          where.get(), "maxPathLength", max, what + " is " + raw.length + " bytes");
    }
  }

  /** Sparse files are refused from the header: neither the old GNU map nor a PAX one is read. */
  private void sparse(char typeflag, Supplier<String> where) throws SparseEntryException {
    if (typeflag == 'S') {
      throw new SparseEntryException(where.get(), "a sparse file (GNU type 'S') is not supported");
    }
    String key = local.sparseKey() != null ? local.sparseKey() : global.sparseKey();
    if (key != null) {
      throw new SparseEntryException(
          where.get(), "a sparse file (PAX record " + key + ") is not supported");
    }
  }

  /** Text: a local PAX record, else a GNU long name, else a global record, else the header. */
  private byte[] text(Key key, byte[] gnu, Supplier<byte[]> header) {
    byte[] l = local.value(key);
    if (l != null && l.length > 0) {
      return l;
    }
    if (gnu != null) {
      return gnu;
    }
    byte[] g = global.value(key);
    return l == null && g != null ? g : header.get();
  }

  /** A record that overrides a header field, or null when the header's field applies. */
  private byte[] number(Key key) {
    byte[] l = local.value(key);
    if (l != null) {
      return l.length > 0 ? l : null;
    }
    return global.value(key);
  }

  private FileTime gnuAtime(Format f) {
    long seconds = f == Format.GNU ? h.gnuAtime() : 0;
    return seconds == 0 ? null : FileTime.from(seconds, TimeUnit.SECONDS);
  }

  private Map<String, byte[]> xattrs() {
    if (local.xattrs().isEmpty() && global.xattrs().isEmpty()) {
      return Map.of();
    }
    Map<String, byte[]> out = new HashMap<>(global.xattrs());
    out.putAll(local.xattrs());
    return out;
  }
}
