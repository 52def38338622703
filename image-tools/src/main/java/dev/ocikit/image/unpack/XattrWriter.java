package dev.ocikit.image.unpack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes an inode's extended attributes those of its entry. layer.md has an existing directory's
 * attributes replaced by those of a directory entry listed again, and a path recreated from the
 * entry's attributes; xattrs are attributes. So an existing directory first loses every xattr the
 * entry does not carry, and so does a new inode the kernel gave xattrs of its own (an ACL derived
 * from its directory's default ACL). Other new inodes start with none, and nothing is listed.
 */
final class XattrWriter {
  /** Host-specific labels no layer can describe: never removed, as umoci leaves them too. */
  private static final Set<String> HOST_OWNED = Set.of("security.selinux", "system.nfs4_acl");

  private final RootFs fs;
  private final FreshInodes inodes;
  private final List<String> warnings;

  XattrWriter(RootFs fs, FreshInodes inodes, List<String> warnings) {
    this.fs = fs;
    this.inodes = inodes;
    this.warnings = warnings;
  }

  /**
   * Sets {@code xattrs} (name to exact value) on {@code p} in {@code parent}, first removing those
   * not named there from an existing directory ({@code fresh} false) or from a new inode that
   * inherited some.
   */
  void apply(
      Path p,
      Path parent,
      RootFs.Kind kind,
      boolean fresh,
      Map<String, byte[]> xattrs,
      String where)
      throws IOException {
    if (fresh ? inodes.inheritsXattrs(parent) : kind == RootFs.Kind.DIRECTORY) {
      for (String old : fs.listXattrs(p, kind)) {
        if (!xattrs.containsKey(old) && !HOST_OWNED.contains(old)) {
          fs.removeXattr(p, old, kind);
          inodes.xattrRemoved(p, old);
        }
      }
    }
    for (Map.Entry<String, byte[]> x : xattrs.entrySet()) {
      String w = fs.setXattr(p, x.getKey(), x.getValue(), kind);
      inodes.xattrSet(p, x.getKey());
      if (w != null) {
        warnings.add(where + ": " + w);
      }
    }
  }
}
