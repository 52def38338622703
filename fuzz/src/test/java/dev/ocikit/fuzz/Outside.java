package dev.ocikit.fuzz;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Sentinels outside the directory a target may write to: a {@code sentinel/} directory beside it,
 * and one at a fixed path ({@value #FIXED}, under the system's temporary directory) that hostile
 * seeds name in absolute paths and symlink targets. Both are listed (type, mode, size, content
 * hash, link target) before the target runs and must be unchanged after; the parent directory must
 * hold nothing new.
 */
final class Outside {
  static final String FIXED = "ocikit-fuzz-sentinel";

  /** A user id that only the sentinels' {@code passwd} files define. */
  static final long OUTSIDER_ID = 4242424;

  private static final byte[] PASSWD_LINE =
      ("outsider:x:" + OUTSIDER_ID + ":" + OUTSIDER_ID + "::/:/bin/sh\n")
          .getBytes(StandardCharsets.US_ASCII);

  private final Path parent;
  private final List<String> parentNames;
  private final Map<String, String> before;

  private Outside(Path parent) throws IOException {
    this.parent = parent;
    this.parentNames = names(parent);
    this.before = listing();
  }

  /** Plants the sentinels around {@code parent}, which holds the directory the target writes to. */
  static Outside around(Path parent) throws IOException {
    plant(parent.resolve("sentinel"));
    plant(fixed());
    return new Outside(parent);
  }

  /** The fixed sentinel directory, e.g. {@code /tmp/ocikit-fuzz-sentinel}. */
  static Path fixed() {
    return Path.of(System.getProperty("java.io.tmpdir"), FIXED);
  }

  /** Fails when anything outside changed since {@link #around}. */
  void assertUntouched(String what) throws IOException {
    List<String> now = names(parent);
    if (!now.equals(parentNames)) {
      throw new AssertionError(what + " created or removed names beside its root: " + now);
    }
    Map<String, String> after = listing();
    if (!after.equals(before)) {
      throw new AssertionError(what + " changed a sentinel outside its root: " + after);
    }
  }

  private static void plant(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("dir"));
    for (String name : List.of("passwd", "dir/file")) {
      try {
        Files.write(dir.resolve(name), PASSWD_LINE, StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException planted) {
        // another run planted it first: its listing is what must stay
      }
    }
    try {
      Files.createSymbolicLink(dir.resolve("link"), Path.of("passwd"));
    } catch (FileAlreadyExistsException planted) {
      // as above
    }
  }

  private Map<String, String> listing() throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Path dir : List.of(parent.resolve("sentinel"), fixed())) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          out.put(p.toString(), describe(p));
        }
      }
    }
    return out;
  }

  private static String describe(Path p) throws IOException {
    Map<String, Object> a =
        Files.readAttributes(p, "unix:mode,size,lastModifiedTime", NOFOLLOW_LINKS);
    String head = a.get("mode") + " " + a.get("size") + " " + a.get("lastModifiedTime");
    if (Files.isSymbolicLink(p)) {
      return head + " -> " + Files.readSymbolicLink(p);
    }
    if (Files.isRegularFile(p, NOFOLLOW_LINKS)) {
      return head + " " + sha256(Files.readAllBytes(p));
    }
    return head;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
