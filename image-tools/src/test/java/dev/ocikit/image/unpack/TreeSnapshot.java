package dev.ocikit.image.unpack;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A full listing of a tree: type, mode, owner, size, content hash or link target per path. */
final class TreeSnapshot {
  private TreeSnapshot() {}

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
