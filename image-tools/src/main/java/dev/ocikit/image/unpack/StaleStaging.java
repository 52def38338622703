package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.StagingDirectory.LOCK_SUFFIX;
import static dev.ocikit.image.unpack.StagingDirectory.PREFIX;
import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cleans up after unpacks into the same destination whose process died without cleaning up
 * (SIGKILL, a crash, power loss). A staging tree whose lock file nobody holds any more is removed;
 * one whose lock is held belongs to an unpack still running, and one without a lock file cannot be
 * told from one: those are only named. Process ids are never trusted: the kernel releases an {@code
 * fcntl} lock when its holder dies, which tells dead from alive even when a pid is reused.
 */
final class StaleStaging {
  private StaleStaging() {}

  /**
   * Cleans {@code dest} (a real, checked path) of leftovers other than {@code own}; one warning
   * each.
   */
  static List<String> clean(Path dest, StagingDirectory own) throws IOException {
    Map<String, List<Path>> groups = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dest)) {
      for (Path p : entries) {
        String n = p.getFileName().toString();
        if (!n.startsWith(PREFIX)) {
          continue;
        }
        int dot = n.indexOf('.', PREFIX.length());
        String base = dot < 0 ? n : n.substring(0, dot);
        if (!base.equals(own.name())) {
          groups.computeIfAbsent(base, k -> new ArrayList<>()).add(p);
        }
      }
    }
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, List<Path>> g : groups.entrySet()) {
      String w = clean(dest, g.getKey(), g.getValue());
      if (w != null) {
        warnings.add(w);
      }
    }
    return warnings;
  }

  private static String clean(Path dest, String base, List<Path> members) throws IOException {
    Path lockFile = dest.resolve(base + LOCK_SUFFIX);
    Path tree = dest.resolve(base);
    if (StagingDirectory.HELD.contains(lockFile)) {
      return null; // an unpack running in this process
    }
    if (!members.contains(lockFile)) {
      return "left "
          + tree
          + " alone: it has no lock file, so it cannot be told from an unpack still running;"
          + " remove it by hand once no unpack into "
          + dest
          + " runs";
    }
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE, NOFOLLOW_LINKS)) {
      if (ch.tryLock() == null) {
        return "left " + tree + " alone: the unpack holding " + lockFile + " is still running";
      }
      if (!Files.exists(lockFile, NOFOLLOW_LINKS)) {
        return null; // cleaned by another process between our listing and our lock
      }
      String why = StagingDirectory.notPrivate(tree);
      if (why != null) {
        return "left " + tree + " alone: " + why + "; remove it by hand";
      }
      if (Files.isDirectory(tree, NOFOLLOW_LINKS)) {
        new HostRootFs(tree).removeTree(tree);
      }
      for (Path m : members) {
        if (!m.equals(lockFile)) {
          Files.deleteIfExists(m);
        }
      }
      Files.deleteIfExists(lockFile); // last, while we still hold its lock
      return "removed "
          + (members.contains(tree) ? tree : lockFile)
          + ", left by an unpack that was killed";
    } catch (OverlappingFileLockException | NoSuchFileException gone) {
      return null; // taken by this process, or removed by another one, meanwhile
    }
  }
}
