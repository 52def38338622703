package dev.ocikit.image.unpack;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A full listing of a tree: per path its type, mode, owner, device, size and content hash or link
 * target, and for {@link #full} also its link count, exact mtime and every xattr.
 */
final class TreeSnapshot {
  private TreeSnapshot() {}

  /**
   * What an unpack sets on one path. {@code nlink} is 0 for directories (their count follows from
   * the tree); {@code content} is the SHA-256 of a regular file, the target of a symlink, else
   * empty.
   */
  record Node(
      int mode,
      int uid,
      int gid,
      long rdev,
      long size,
      String content,
      long nlink,
      Instant mtime,
      SortedMap<String, String> xattrs) {

    /** The fields in a fixed order, for naming the first that differs. */
    Map<String, Object> fields() {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("type", Integer.toOctalString(mode >>> 12));
      m.put("mode", Integer.toOctalString(mode & 07777));
      m.put("uid", uid);
      m.put("gid", gid);
      m.put("rdev", rdev);
      m.put("size", size);
      m.put("content", content);
      m.put("nlink", nlink);
      m.put("mtime", mtime);
      m.put("xattrs", xattrs);
      return m;
    }
  }

  static Map<String, String> of(Path root) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        out.put(root.relativize(p).toString(), describe(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Every path under {@code root} (the root itself as "") with all it carries. */
  static SortedMap<String, Node> full(Path root) throws IOException {
    SortedMap<String, Node> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        out.put(root.relativize(p).toString(), node(p));
      }
    }
    return out;
  }

  private static Node node(Path p) throws IOException {
    Map<String, Object> a =
        Files.readAttributes(p, "unix:mode,uid,gid,size,rdev,nlink", NOFOLLOW_LINKS);
    boolean dir = Files.isDirectory(p, NOFOLLOW_LINKS);
    boolean regular = Files.isRegularFile(p, NOFOLLOW_LINKS);
    String content =
        Files.isSymbolicLink(p)
            ? Files.readSymbolicLink(p).toString()
            : regular ? sha256(Files.readAllBytes(p)) : "";
    return new Node(
        (Integer) a.get("mode"),
        (Integer) a.get("uid"),
        (Integer) a.get("gid"),
        ((Number) a.get("rdev")).longValue(),
        regular ? ((Number) a.get("size")).longValue() : 0,
        content,
        dir ? 0 : ((Number) a.get("nlink")).longValue(),
        NativeStat.mtime(p),
        NativeStat.xattrs(p));
  }

  static String describe(Path p) throws IOException {
    Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size,rdev", NOFOLLOW_LINKS);
    String head =
        String.format(
            "mode=%o uid=%s gid=%s rdev=%s",
            a.get("mode"), a.get("uid"), a.get("gid"), a.get("rdev"));
    if (Files.isSymbolicLink(p)) {
      return head + " -> " + Files.readSymbolicLink(p);
    }
    if (Files.isRegularFile(p, NOFOLLOW_LINKS)) {
      return head + " size=" + a.get("size") + " sha256=" + sha256(Files.readAllBytes(p));
    }
    return head;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
