package dev.ocikit.image.unpack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * A {@link RootFs} that hands every call to another one; the layers wrapped around the host
 * filesystem for one unpack override only the calls they care about.
 */
abstract class ForwardingRootFs implements RootFs {
  protected final RootFs fs;

  ForwardingRootFs(RootFs fs) {
    this.fs = fs;
  }

  @Override
  public Kind kind(Path p) throws IOException {
    return fs.kind(p);
  }

  @Override
  public String readSymlink(Path p) throws IOException {
    return fs.readSymlink(p);
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    return fs.list(dir);
  }

  @Override
  public FileTime mtime(Path p) throws IOException {
    return fs.mtime(p);
  }

  @Override
  public void mkdir(Path p, int perms) throws IOException {
    fs.mkdir(p, perms);
  }

  @Override
  public OutputStream createFile(Path p, int perms) throws IOException {
    return fs.createFile(p, perms);
  }

  @Override
  public void symlink(Path link, String target) throws IOException {
    fs.symlink(link, target);
  }

  @Override
  public void link(Path link, Path existing) throws IOException {
    fs.link(link, existing);
  }

  @Override
  public void mknod(Path p, NodeType type, int perms, int major, int minor) throws IOException {
    fs.mknod(p, type, perms, major, minor);
  }

  @Override
  public void remove(Path p) throws IOException {
    fs.remove(p);
  }

  @Override
  public void removeTree(Path p) throws IOException {
    fs.removeTree(p);
  }

  @Override
  public void chown(Path p, int uid, int gid) throws IOException {
    fs.chown(p, uid, gid);
  }

  @Override
  public void chmod(Path p, int mode, Kind kind) throws IOException {
    fs.chmod(p, mode, kind);
  }

  @Override
  public void setTimes(Path p, FileTime mtime, FileTime atime, Kind kind) throws IOException {
    fs.setTimes(p, mtime, atime, kind);
  }

  @Override
  public String setXattr(Path p, String name, byte[] value, Kind kind) throws IOException {
    return fs.setXattr(p, name, value, kind);
  }

  @Override
  public List<String> listXattrs(Path p, Kind kind) throws IOException {
    return fs.listXattrs(p, kind);
  }

  @Override
  public void removeXattr(Path p, String name, Kind kind) throws IOException {
    fs.removeXattr(p, name, kind);
  }
}
