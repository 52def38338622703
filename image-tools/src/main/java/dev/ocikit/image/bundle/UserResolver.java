package dev.ocikit.image.bundle;

import dev.ocikit.image.ConversionException;
import dev.ocikit.spec.PosixIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Resolves {@code Config.User} ({@code user}, {@code uid}, {@code user:group}, {@code uid:gid},
 * {@code user:gid}, {@code uid:group}) through the root filesystem's {@code /etc/passwd} and {@code
 * /etc/group}, read by {@link RootfsFiles} so nothing outside the root is consulted.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/conversion.md#configuser">
 *     conversion.md: Config.User</a>
 */
public final class UserResolver {
  private static final long MAX_FILE = 16L << 20;
  private final RootfsFiles files;

  /** A resolver reading the files of {@code rootfs}. */
  public UserResolver(java.nio.file.Path rootfs) {
    this.files = new RootfsFiles(rootfs);
  }

  /**
   * Resolves {@code unsafeUser}; null or empty means root (0:0).
   *
   * @throws ConversionException for an unknown user or group name, or a malformed value
   */
  public ResolvedUser resolve(String unsafeUser) throws IOException {
    if (unsafeUser == null || unsafeUser.isEmpty()) {
      return new ResolvedUser(0, 0, List.of());
    }
    int colon = unsafeUser.indexOf(':');
    String user = colon < 0 ? unsafeUser : unsafeUser.substring(0, colon);
    String group = colon < 0 ? null : unsafeUser.substring(colon + 1);
    if (user.isEmpty() || (group != null && group.isEmpty())) {
      throw new ConversionException("Config.User '" + unsafeUser + "' is not user[:group]");
    }
    Long uid = number(user, unsafeUser);
    String[] entry =
        uid == null ? findUser(user, unsafeUser) : find("/etc/passwd", 2, user).orElse(null);
    long u = uid != null ? uid : parseId(entry[2]);
    long g = entry == null ? 0 : parseId(entry[3]);
    if (group != null) {
      Long gid = number(group, unsafeUser);
      g = gid != null ? gid : parseId(findGroup(group, unsafeUser)[2]);
    }
    List<Long> extra = uid == null && group == null ? memberships(user) : List.of();
    return new ResolvedUser(u, g, extra);
  }

  private String[] findUser(String name, String unsafeUser) throws IOException {
    if (table("/etc/passwd").isEmpty()) {
      throw new ConversionException(missing("user", name, unsafeUser, "/etc/passwd"));
    }
    return find("/etc/passwd", 0, name)
        .orElseThrow(
            () ->
                new ConversionException(
                    "Config.User '" + unsafeUser + "': no user '" + name + "' in /etc/passwd"));
  }

  private String[] findGroup(String name, String unsafeUser) throws IOException {
    if (table("/etc/group").isEmpty()) {
      throw new ConversionException(missing("group", name, unsafeUser, "/etc/group"));
    }
    return find("/etc/group", 0, name)
        .orElseThrow(
            () ->
                new ConversionException(
                    "Config.User '" + unsafeUser + "': no group '" + name + "' in /etc/group"));
  }

  private static String missing(String what, String name, String unsafeUser, String file) {
    return "Config.User '"
        + unsafeUser
        + "': cannot look up "
        + what
        + " '"
        + name
        + "': "
        + file
        + " is missing from the root filesystem (or is a symlink leading outside it)";
  }

  private List<Long> memberships(String user) throws IOException {
    Set<Long> out = new LinkedHashSet<>();
    for (String[] g : lines("/etc/group")) {
      if (g.length >= 4 && List.of(g[3].split(",")).contains(user)) {
        Long gid = parseId(g[2]);
        if (gid != null) {
          out.add(gid);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The first entry of {@code file} whose field {@code field} equals {@code value}. */
  private Optional<String[]> find(String file, int field, String value) throws IOException {
    boolean passwd = file.equals("/etc/passwd");
    for (String[] f : lines(file)) {
      boolean wellFormed =
          passwd
              ? f.length >= 4 && parseId(f[2]) != null && parseId(f[3]) != null
              : f.length >= 3 && parseId(f[2]) != null;
      if (wellFormed && f[field].equals(value)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private Optional<List<String[]>> cachedPasswd;
  private Optional<List<String[]>> cachedGroup;

  private List<String[]> lines(String file) throws IOException {
    return table(file).orElse(List.of());
  }

  /** The colon-separated entries of a file, skipping comments; empty if the file is absent. */
  private Optional<List<String[]>> table(String file) throws IOException {
    boolean passwd = file.equals("/etc/passwd");
    Optional<List<String[]>> cached = passwd ? cachedPasswd : cachedGroup;
    if (cached == null) {
      List<String[]> out = new ArrayList<>();
      Optional<byte[]> bytes = files.read(file, MAX_FILE);
      if (bytes.isPresent()) {
        for (String line : new String(bytes.get(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank() && !line.startsWith("#")) {
            out.add(line.split(":", -1));
          }
        }
      }
      cached = bytes.isPresent() ? Optional.of(out) : Optional.empty();
      if (passwd) {
        cachedPasswd = cached;
      } else {
        cachedGroup = cached;
      }
    }
    return cached;
  }

  /**
   * A number, or null when {@code s} is a name; a number out of range is an error. Only ASCII
   * digits make a number ({@link PosixIds}).
   */
  private static Long number(String s, String unsafeUser) throws ConversionException {
    if (!PosixIds.isNumeric(s)) {
      return null;
    }
    Long v = parseId(s);
    if (v == null) {
      throw new ConversionException("Config.User '" + unsafeUser + "': id " + s + " out of range");
    }
    return v;
  }

  private static Long parseId(String s) {
    OptionalLong v = PosixIds.parse(s);
    return v.isPresent() ? v.getAsLong() : null;
  }
}
