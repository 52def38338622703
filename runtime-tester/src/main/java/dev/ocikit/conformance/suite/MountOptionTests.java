package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * config.md "Mounts": bind mount options and filesystem types, judged from {@link
 * RootObservation}'s mountinfo and, where an attempt is cheap, by its effect next to a control
 * mount of the same host tree without the option (write on {@code ro}, open a device node on {@code
 * nodev}, exec on {@code noexec}, a host submount through {@code bind} and {@code rbind}). When the
 * control fails too, the host's own mount already has the effect and the test SKIPs: it could not
 * tell the option's effect from the host's.
 */
final class MountOptionTests {
  private static final String OPTIONS = "linux-mount-options";
  private static final String TYPES = "posix-platform-mounts";
  private static final String M = RootObservation.MOUNTS;

  /** The tmpfs size option and the bytes statfs must then report. */
  static final String TMPFS_SIZE = "3m";

  private static final long TMPFS_BYTES = 3L << 20;

  static final List<String> PROBES =
      List.of(
          "write:" + M + "/plain/w-plain",
          "write:" + M + "/ro/w-ro",
          "read:" + M + "/plain/null",
          "read:" + M + "/nodev/null",
          "exec:" + M + "/plain/busybox",
          "exec:" + M + "/noexec/busybox",
          "read:" + M + "/plain/sub/marker",
          "read:" + M + "/bind/sub/marker",
          "statfs:" + M + "/tmpfs",
          "link:" + M + "/proc/self",
          "list:" + M + "/sys/devices",
          "list:" + M + "/mqueue",
          "stat:" + M + "/pts/ptmx");

  private MountOptionTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "mounts.option.ro",
            "config.md",
            OPTIONS,
            Level.MUST,
            "a bind mount with ro is read-only in mountinfo and refuses a write the rw control takes",
            ctx -> effect(ctx, "ro", "write:" + M + "/plain/w-plain", "write:" + M + "/ro/w-ro")),
        of(
            "mounts.option.nosuid",
            "config.md",
            OPTIONS,
            Level.MUST,
            "a bind mount with nosuid carries nosuid in mountinfo",
            ctx -> effect(ctx, "nosuid", null, null)),
        of(
            "mounts.option.nodev",
            "config.md",
            OPTIONS,
            Level.MUST,
            "a bind mount with nodev carries nodev and refuses to open a device node the control opens",
            ctx -> effect(ctx, "nodev", "read:" + M + "/plain/null", "read:" + M + "/nodev/null")),
        of(
            "mounts.option.noexec",
            "config.md",
            OPTIONS,
            Level.MUST,
            "a bind mount with noexec carries noexec and refuses to exec a binary the control runs",
            ctx ->
                effect(
                    ctx,
                    "noexec",
                    "exec:" + M + "/plain/busybox",
                    "exec:" + M + "/noexec/busybox")),
        of(
            "mounts.option.bind",
            "config.md",
            OPTIONS,
            Level.MUST,
            "a bind (not rbind) mount of a host tree does not carry the tree's submount",
            ctx -> {
              Observation o = RootObservation.get(ctx).obs();
              String top = LinuxObservationTests.mountLine(o, M + "/bind");
              String subLine = LinuxObservationTests.mountLine(o, M + "/bind/sub");
              String marker = o.probe("read:" + M + "/bind/sub/marker");
              return Verdict.expect(
                  top != null && subLine == null && marker.startsWith("error"),
                  M + "/bind mounted, no mount at " + M + "/bind/sub, its marker absent",
                  "mount: " + top + "; sub mount: " + subLine + "; marker: " + marker);
            }),
        of(
            "mounts.option.rbind",
            "config.md",
            OPTIONS,
            Level.MUST,
            "an rbind mount of a host tree carries the tree's submount with its content",
            ctx -> {
              Observation o = RootObservation.get(ctx).obs();
              String subLine = LinuxObservationTests.mountLine(o, M + "/plain/sub");
              String marker = o.probe("read:" + M + "/plain/sub/marker");
              return Verdict.expect(
                  subLine != null && marker.equals("ok:submount"),
                  "a tmpfs at " + M + "/plain/sub holding the host's marker",
                  "sub mount: " + subLine + "; marker: " + marker);
            }),
        of(
            "mounts.type.tmpfs-size",
            "config.md",
            TYPES,
            Level.MUST,
            "a tmpfs mount with size=" + TMPFS_SIZE + " is a tmpfs of exactly that size (statfs)",
            ctx -> {
              Observation o = RootObservation.get(ctx).obs();
              String line = LinuxObservationTests.mountLine(o, M + "/tmpfs");
              String size = o.probe("statfs:" + M + "/tmpfs");
              return Verdict.expect(
                  isType(line, "tmpfs") && size.equals("ok:" + TMPFS_BYTES),
                  "tmpfs of " + TMPFS_BYTES + " bytes",
                  "mountinfo: " + line + "; statfs: " + size);
            }),
        type(
            "proc",
            "/proc",
            "its self link names the observer's pid",
            o ->
                ("ok:" + o.seen().path("pid").asLong()).equals(o.probe("link:" + M + "/proc/self")),
            "link:" + M + "/proc/self"),
        type(
            "sysfs",
            "/sys",
            "it lists a devices directory",
            o -> o.probe("list:" + M + "/sys/devices").matches("ok:[1-9][0-9]*"),
            "list:" + M + "/sys/devices"),
        type(
            "mqueue",
            "/mqueue",
            "it can be listed",
            o -> o.probe("list:" + M + "/mqueue").startsWith("ok:"),
            "list:" + M + "/mqueue"),
        type(
            "devpts",
            "/pts",
            "its ptmx is character device 5:2",
            o -> o.probe("stat:" + M + "/pts/ptmx").matches("ok:mode=20[0-7]{3},rdev=1282,.*"),
            "stat:" + M + "/pts/ptmx"));
  }

  private static SpecTest type(
      String fs, String dir, String effect, Predicate<Observation> works, String probe) {
    return of(
        "mounts.type." + fs,
        "config.md",
        TYPES,
        Level.MUST,
        "a mount of type " + fs + " at " + M + dir + " is " + fs + " in mountinfo and " + effect,
        ctx -> {
          Observation o = RootObservation.get(ctx).obs();
          String line = LinuxObservationTests.mountLine(o, M + dir);
          return Verdict.expect(
              isType(line, fs) && works.test(o),
              fs + " at " + M + dir + ", and " + effect,
              "mountinfo: " + line + "; " + probe + " -> " + o.probe(probe));
        });
  }

  /**
   * The option in the per-mount options (mountinfo field 6) of the judged bind mount and not of the
   * control; with probes, the control's attempt works and the judged one fails.
   */
  private static Verdict effect(Context ctx, String option, String control, String judged)
      throws Exception {
    Observation o = RootObservation.get(ctx).obs();
    String line = LinuxObservationTests.mountLine(o, M + "/" + option);
    String plain = LinuxObservationTests.mountLine(o, M + "/plain");
    if (plain != null && hasOption(plain, option)) {
      return Verdict.skip("the host mount holding the bundle already has " + option + ": " + plain);
    }
    if (control != null && !List.of("ok", "ok:", "ok:exit=0").contains(o.probe(control))) {
      return Verdict.skip(
          "the control " + control + " failed without " + option + " too: " + o.probe(control));
    }
    String got = judged == null ? "" : o.probe(judged);
    boolean refused = judged == null || got.startsWith("error");
    return Verdict.expect(
        line != null && hasOption(line, option) && refused,
        option + " in the mount's options" + (judged == null ? "" : ", " + judged + " refused"),
        "mountinfo: " + line + (judged == null ? "" : "; " + judged + " -> " + got));
  }

  private static boolean hasOption(String mountinfoLine, String option) {
    String[] f = mountinfoLine.split(" ");
    return f.length > 5 && Arrays.asList(f[5].split(",")).contains(option);
  }

  private static boolean isType(String mountinfoLine, String fs) {
    return mountinfoLine != null && mountinfoLine.contains(" - " + fs + " ");
  }
}
