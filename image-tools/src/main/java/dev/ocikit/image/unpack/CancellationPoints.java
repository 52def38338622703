package dev.ocikit.image.unpack;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A {@link RootFs} that checks its cancellation before every creation or removal and before each
 * block of a file's content: a cancelled unpack makes no further change after the entry (or the
 * buffer of a large file) it is at.
 */
final class CancellationPoints extends ForwardingRootFs {
  private final CancelGuard cancellation;

  CancellationPoints(RootFs fs, CancelGuard cancellation) {
    super(fs);
    this.cancellation = cancellation;
  }

  @Override
  public void mkdir(Path p, int perms) throws IOException {
    cancellation.check();
    fs.mkdir(p, perms);
  }

  @Override
  public OutputStream createFile(Path p, int perms) throws IOException {
    cancellation.check();
    return new FilterOutputStream(fs.createFile(p, perms)) {
      @Override
      public void write(int b) throws IOException {
        cancellation.check();
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        cancellation.check();
        out.write(b, off, len);
      }
    };
  }

  @Override
  public void symlink(Path link, String target) throws IOException {
    cancellation.check();
    fs.symlink(link, target);
  }

  @Override
  public void link(Path link, Path existing) throws IOException {
    cancellation.check();
    fs.link(link, existing);
  }

  @Override
  public void mknod(Path p, NodeType type, int perms, int major, int minor) throws IOException {
    cancellation.check();
    fs.mknod(p, type, perms, major, minor);
  }

  @Override
  public void remove(Path p) throws IOException {
    cancellation.check();
    fs.remove(p);
  }

  @Override
  public void removeTree(Path p) throws IOException {
    cancellation.check();
    fs.removeTree(p);
  }
}
