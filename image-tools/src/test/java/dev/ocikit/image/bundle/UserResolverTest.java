package dev.ocikit.image.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.ConversionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every {@code Config.User} form, unknown names, and passwd files that lead outside the root. */
class UserResolverTest {
  @TempDir Path tmp;
  private Path rootfs;

  @BeforeEach
  void rootfs() throws Exception {
    rootfs = tmp.resolve("rootfs");
    Files.createDirectories(rootfs.resolve("etc"));
    Files.writeString(
        rootfs.resolve("etc/passwd"),
        "# comment\nroot:x:0:0::/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\n"
            + "broken:x:notanumber:1\nwide:x:\uff11\uff10\uff10\uff10:1\n");
    Files.writeString(
        rootfs.resolve("etc/group"),
        "root:x:0:\nstaff:x:50:app,other\nwheel:x:10:app\nappgrp:x:1001:\nnobody:x:65534:\n");
  }

  @ParameterizedTest(name = "User \"{0}\" -> {1}:{2} +[{3}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "''          | 0    | 0     | ''",
        "app         | 1000 | 1001  | 50 10",
        "1000        | 1000 | 1001  | ''",
        "4242        | 4242 | 0     | ''",
        "app:staff   | 1000 | 50    | ''",
        "1000:50     | 1000 | 50    | ''",
        "app:65534   | 1000 | 65534 | ''",
        "4242:staff  | 4242 | 50    | ''",
        "root        | 0    | 0     | ''",
        "0:0         | 0    | 0     | ''",
      })
  void resolvesEveryForm(String user, long uid, long gid, String extra) throws Exception {
    ResolvedUser r = new UserResolver(rootfs).resolve(user);
    List<Long> gids =
        extra.isEmpty()
            ? List.of()
            : List.of(extra.split(" ")).stream().map(Long::valueOf).toList();
    assertEquals(new ResolvedUser(uid, gid, gids), r);
  }

  @ParameterizedTest(name = "User \"{0}\" fails naming \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "nobody      | no user 'nobody' in /etc/passwd",
        "app:nogroup | no group 'nogroup' in /etc/group",
        "1000:nogrp  | no group 'nogrp' in /etc/group",
        "broken      | no user 'broken' in /etc/passwd",
        "app:        | is not user[:group]",
        ":staff      | is not user[:group]",
        "99999999999 | out of range",
        // Only ASCII digits are ids: fullwidth and Arabic-Indic digits are names (or malformed).
        "\uff11\uff10\uff10\uff10 | no user '\uff11\uff10\uff10\uff10' in /etc/passwd",
        "\u0664\u0662\u0664\u0662 | no user '\u0664\u0662\u0664\u0662' in /etc/passwd",
        "app:\uff15\uff10 | no group '\uff15\uff10' in /etc/group",
        "wide        | no user 'wide' in /etc/passwd",
        // Other scripts' digits are a name, not uid 0 or 1000 (ARABIC-INDIC DIGIT ZERO and ONE).
        "\u0660      | no user '\u0660' in /etc/passwd",
        "\u0661\u0660\u0660\u0660 | no user '\u0661\u0660\u0660\u0660' in /etc/passwd",
        "app:\u0665\u0660 | no group '\u0665\u0660' in /etc/group",
      })
  void unknownNamesAreErrors(String user, String message) {
    ConversionException e =
        assertThrows(ConversionException.class, () -> new UserResolver(rootfs).resolve(user));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @ParameterizedTest(name = "/etc/passwd -> {0} counts as missing")
  @CsvSource({
    "../../../../../../../../etc/shadow",
    "/etc/shadow",
    "../../outside/passwd",
    "HOST",
  })
  void passwdLeadingOutsideTheRootIsMissing(String target) throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("passwd"), "intruder:x:7:7::/:/bin/sh\n");
    Files.delete(rootfs.resolve("etc/passwd"));
    String t = target.equals("HOST") ? outside.resolve("passwd").toString() : target;
    Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of(t));
    UserResolver r = new UserResolver(rootfs);
    for (String user : List.of("app", "intruder")) {
      ConversionException e = assertThrows(ConversionException.class, () -> r.resolve(user));
      assertTrue(e.getMessage().contains("/etc/passwd is missing"), e.getMessage());
    }
    assertEquals(new ResolvedUser(1000, 0, List.of()), r.resolve("1000"));
  }

  @Test
  void symlinksInsideTheRootAreFollowedAsTheContainerSeesThem() throws Exception {
    Path real = Files.createDirectories(rootfs.resolve("usr/share/base"));
    Files.move(rootfs.resolve("etc/passwd"), real.resolve("passwd"));
    Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/usr/share/base/passwd"));
    Files.createSymbolicLink(rootfs.resolve("lib"), Path.of("../../../usr"));
    assertEquals(1000L, new UserResolver(rootfs).resolve("app").uid());
    Files.delete(rootfs.resolve("etc/passwd"));
    Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("../usr/share/base/passwd"));
    assertEquals(1000L, new UserResolver(rootfs).resolve("app").uid());
  }

  @Test
  void missingGroupFileIsNamed() throws Exception {
    Files.delete(rootfs.resolve("etc/group"));
    ConversionException e =
        assertThrows(
            ConversionException.class, () -> new UserResolver(rootfs).resolve("app:staff"));
    assertTrue(e.getMessage().contains("/etc/group is missing"), e.getMessage());
    assertEquals(List.of(), new UserResolver(rootfs).resolve("app").additionalGids());
  }
}
