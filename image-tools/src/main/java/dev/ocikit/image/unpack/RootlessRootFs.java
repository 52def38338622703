package dev.ocikit.image.unpack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

/**
 * {@link RootFs} for unprivileged unpacking, with the same trade-offs as umoci's rootless mode:
 * ownership is left to the caller, character and block devices become empty regular files (FIFOs
 * need no privilege and stay real), and modes always keep owner read/write (and search on
 * directories) so the caller can finish unpacking and later delete the tree.
 */
final class RootlessRootFs extends HostRootFs {

  RootlessRootFs(Path root) {
    super(root);
  }

  @Override
  public void mknod(Path p, NodeType type, int perms, int major, int minor) throws IOException {
    if (type == NodeType.FIFO) {
      super.mknod(p, type, perms, major, minor);
      return;
    }
    try (OutputStream out = createFile(p, 0600)) {
      // A placeholder only: the device number is lost (reported as a warning by the caller).
    }
  }

  @Override
  public void chown(Path p, int uid, int gid) {
    // Unprivileged users cannot give files away; everything stays owned by the caller.
  }

  /**
   * Namespaces an unprivileged user may not write ({@code trusted.*}, {@code security.*}) are
   * skipped with a warning, as in umoci's rootless mode, rather than failing the unpack.
   */
  @Override
  public String setXattr(Path p, String name, byte[] value, Kind kind) throws IOException {
    try {
      return super.setXattr(p, name, value, kind);
    } catch (AccessDeniedException e) {
      return "rootless: xattr " + name + " not set: " + e.getReason();
    }
  }

  @Override
  public void chmod(Path p, int mode, Kind kind) throws IOException {
    int ownerAccess = kind == Kind.DIRECTORY ? 0700 : 0600;
    super.chmod(p, mode | ownerAccess, kind);
  }
}
