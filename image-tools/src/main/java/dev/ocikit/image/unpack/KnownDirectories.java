package dev.ocikit.image.unpack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A {@link RootFs} that remembers which paths it has seen to be real directories (not symlinks), so
 * that walking the parents of each of tens of thousands of entries does not {@code lstat} the same
 * directories again and again.
 *
 * <p>A remembered fact is trusted for the rest of the unpack, so this is used only on a tree nobody
 * else can change: the private staging tree of {@link LayerApplier#unpack}, whose root stays mode
 * 0700 and owned by this process until every layer is applied (no other user can reach anything
 * below it), and is never used by {@link LayerApplier#apply} on a directory others may share.
 * Within that tree every change goes through this object: a directory only stops being one by being
 * removed, and any removal forgets everything learned.
 */
final class KnownDirectories extends ForwardingRootFs {
  private final Set<Path> directories = new HashSet<>();

  KnownDirectories(RootFs fs) {
    super(fs);
  }

  @Override
  public Kind kind(Path p) throws IOException {
    if (directories.contains(p)) {
      return Kind.DIRECTORY;
    }
    Kind k = fs.kind(p);
    if (k == Kind.DIRECTORY) {
      directories.add(p);
    }
    return k;
  }

  @Override
  public void mkdir(Path p, int perms) throws IOException {
    fs.mkdir(p, perms);
    directories.add(p);
  }

  @Override
  public void remove(Path p) throws IOException {
    directories.clear();
    fs.remove(p);
  }

  @Override
  public void removeTree(Path p) throws IOException {
    directories.clear();
    fs.removeTree(p);
  }
}
