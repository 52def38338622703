package dev.ocikit.image.unpack;

import static dev.ocikit.spec.UntrustedText.quote;

import dev.ocikit.image.IdMapping;
import dev.ocikit.image.UnpackException;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.tar.TarEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Applies an entry's owner, mode, xattrs and times. Owner goes first because chown(2) clears
 * setuid/setgid; directory times are only recorded here and set when the layer is complete, after
 * the directory's contents.
 */
final class MetadataWriter {
  private final RootFs fs;
  private final UnpackOptions opts;
  private final LayerState state;
  private final List<String> warnings;
  private final FreshInodes inodes;
  private final XattrWriter xattrs;

  MetadataWriter(
      RootFs fs, UnpackOptions opts, LayerState state, List<String> warnings, FreshInodes inodes) {
    this.fs = fs;
    this.inodes = inodes;
    this.xattrs = new XattrWriter(fs, inodes, warnings);
    this.opts = opts;
    this.state = state;
    this.warnings = warnings;
  }

  /**
   * Applies the metadata of {@code e} to the entry at {@code t}. {@code fresh} says the inode was
   * just created, so a chown or chmod that {@link FreshInodes} predicts to change nothing is left
   * out.
   */
  void apply(RootResolver.Target t, TarEntry e, RootFs.Kind kind, String where, boolean fresh)
      throws IOException {
    Path p = t.path();
    Path parent = t.parent();
    String rel = t.relative();
    int uid = mapped(opts.uidMap(), e.uid(), "uid");
    int gid = mapped(opts.gidMap(), e.gid(), "gid");
    int mode = e.mode() & 07777;
    ownerAndMode(p, parent, kind, fresh, uid, gid, mode);
    xattrs.apply(p, parent, kind, fresh, xattrs(e), where);
    FileTime mtime = e.mtime();
    FileTime atime = e.atime() != null ? e.atime() : mtime;
    if (kind == RootFs.Kind.DIRECTORY) {
      state.setDirTime(rel, mtime, atime);
    } else {
      fs.setTimes(p, mtime, atime, kind);
    }
  }

  /** Owner first: chown(2) clears setuid and setgid bits. */
  private void ownerAndMode(
      Path p, Path parent, RootFs.Kind kind, boolean fresh, int uid, int gid, int mode)
      throws IOException {
    if (kind == RootFs.Kind.DIRECTORY && fresh) {
      inodes.directoryCreated(p, parent);
    }
    boolean ownerSet = fresh && inodes.ownerMatches(parent, uid, gid);
    boolean modeSet = fresh && inodes.modeMatches(parent, mode, kind);
    if ((ownerSet || modeSet) && !inodes.confirm(p, kind, ownerSet, uid, gid, mode)) {
      ownerSet = false;
      modeSet = false;
    }
    if (!ownerSet) {
      fs.chown(p, uid, gid);
    }
    if (kind != RootFs.Kind.SYMLINK && !modeSet) {
      fs.chmod(p, mode, kind);
    }
    if (kind == RootFs.Kind.DIRECTORY) {
      inodes.directoryMode(p, mode);
    }
  }

  /**
   * A missing parent directory made for an entry listed before it: left as mkdir(2) made it, as
   * {@code mkdir -p} and umoci do (mode 0777 less the umask, the caller's uid, and under a setgid
   * directory that directory's group and setgid bit).
   */
  void implicitDirectory(Path dir, Path parent) {
    inodes.directoryCreated(dir, parent);
  }

  /** The entry's xattrs, name to exact value; a name the JVM cannot pass on exactly is refused. */
  private static Map<String, byte[]> xattrs(TarEntry e) throws UnpackException {
    for (String name : e.xattrs().keySet()) {
      FileNameEncoding.CURRENT.check(name, "the xattr name " + quote(name));
    }
    return e.xattrs();
  }

  private static int mapped(List<IdMapping> map, long id, String what) throws UnpackException {
    OptionalInt m = map(map, id);
    if (m.isEmpty()) {
      throw new UnpackException(what + " " + id + " is not covered by the " + what + " map");
    }
    return m.getAsInt();
  }

  /** Maps {@code id} through {@code maps}; an empty list is the identity; empty if unmapped. */
  static OptionalInt map(List<IdMapping> maps, long id) {
    if (maps.isEmpty()) {
      return id <= Integer.MAX_VALUE ? OptionalInt.of((int) id) : OptionalInt.empty();
    }
    for (IdMapping m : maps) {
      if (id >= m.containerId() && id - m.containerId() < m.size()) {
        long host = m.hostId() + (id - m.containerId());
        return host <= Integer.MAX_VALUE ? OptionalInt.of((int) host) : OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }
}
