package dev.ocikit.image.unpack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Applies an entry's owner, mode, xattrs and times. Owner goes first because chown(2) clears
 * setuid/setgid; directory times are only recorded here and set when the layer is complete, after
 * the directory's contents.
 */
final class MetadataWriter {
  static final String XATTR_PREFIX = "SCHILY.xattr.";

  private final RootFs fs;
  private final UnpackOptions opts;
  private final LayerState state;
  private final List<String> warnings;

  MetadataWriter(RootFs fs, UnpackOptions opts, LayerState state, List<String> warnings) {
    this.fs = fs;
    this.opts = opts;
    this.state = state;
    this.warnings = warnings;
  }

  void apply(Path p, String rel, TarArchiveEntry e, RootFs.Kind kind, String where)
      throws IOException {
    fs.chown(
        p,
        mapped(opts.uidMap(), e.getLongUserId(), "uid"),
        mapped(opts.gidMap(), e.getLongGroupId(), "gid"));
    if (kind != RootFs.Kind.SYMLINK) {
      fs.chmod(p, e.getMode() & 07777, kind);
    }
    for (Map.Entry<String, String> x : e.getExtraPaxHeaders().entrySet()) {
      if (x.getKey().startsWith(XATTR_PREFIX)) {
        setXattr(p, x.getKey().substring(XATTR_PREFIX.length()), x.getValue(), kind, where);
      }
    }
    FileTime mtime = e.getLastModifiedTime();
    FileTime atime = e.getLastAccessTime() != null ? e.getLastAccessTime() : mtime;
    if (kind == RootFs.Kind.DIRECTORY) {
      state.setDirTime(rel, mtime, atime);
    } else {
      fs.setTimes(p, mtime, atime, kind);
    }
  }

  private void setXattr(Path p, String name, String value, RootFs.Kind kind, String where)
      throws IOException {
    // commons-compress decodes PAX values as UTF-8; a replacement character means the original
    // bytes (binary capabilities, say) are lost, and writing the mangled value would be wrong.
    if (value.indexOf('\uFFFD') >= 0) {
      warnings.add(where + ": xattr " + name + " skipped: value is not UTF-8 text");
      return;
    }
    String w = fs.setXattr(p, name, value.getBytes(StandardCharsets.UTF_8), kind);
    if (w != null) {
      warnings.add(where + ": " + w);
    }
  }

  private static int mapped(List<IdMapping> map, long id, String what) throws UnpackException {
    OptionalInt m = IdMapping.map(map, id);
    if (m.isEmpty()) {
      throw new UnpackException(what + " " + id + " is not covered by the " + what + " map");
    }
    return m.getAsInt();
  }
}
