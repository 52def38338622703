package dev.ocikit.conformance.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One way {@link ScriptedMounts} gets a mount wrong, named by the conformance test that must catch
 * it: the config entry at {@code dest} is mounted as if its options were broken, refused at create,
 * mounted out of order, or the root given another propagation.
 *
 * @param name the value of {@link ScriptedRuntime#VIOLATION_ENV}: the test id, or the test id and
 *     {@code #variant} for a second way to break the same property
 * @param testId the registered test whose judge must fail
 * @param dest the config destination of the broken entry (as written in the config)
 * @param option the option the runtime mishandles
 * @param replacement what it applies instead (REPLACE), its message (REFUSE), the root's
 *     propagation (ROOT)
 * @param evidence what the failing verdict's "actual" must name
 * @param alsoAffected other tests of the area whose verdict changes with it (a mount that is both
 *     one test's subject and another's control makes that other one SKIP)
 */
record MountViolation(
    String name,
    String testId,
    Kind kind,
    String dest,
    String option,
    String replacement,
    String evidence,
    Set<String> alsoAffected) {

  /** How the entry is broken. */
  enum Kind {
    /** The option is ignored. */
    IGNORE,
    /** Another option is applied in its place. */
    REPLACE,
    /** A recursive option is applied to the mount alone, not its submounts. */
    TOP_ONLY,
    /** Create fails with the message in {@code replacement}. */
    REFUSE,
    /** The entry is mounted after every other one. */
    LAST,
    /** The entry is mounted with the filesystem type {@code replacement}. */
    TYPE,
    /** The root's propagation is {@code replacement} when rootfsPropagation is {@code option}. */
    ROOT
  }

  @Override
  public String toString() {
    return name;
  }

  private MountViolation withEvidence(String text) {
    return new MountViolation(name, testId, kind, dest, option, replacement, text, alsoAffected);
  }

  /** Breaks the options of the entry at {@link #dest} in place. */
  void breakEntry(List<String> options) throws ScriptedMountTable.Refused {
    switch (kind) {
      case IGNORE -> options.removeIf(option::equals);
      case REPLACE -> options.replaceAll(o -> o.equals(option) ? replacement : o);
      case TOP_ONLY -> options.replaceAll(o -> o.equals(option) ? o.substring(1) : o);
      case REFUSE -> throw new ScriptedMountTable.Refused(replacement);
      default -> {}
    }
  }

  /** Every mount violation, by name. */
  static final Map<String, MountViolation> ALL = table();

  private static final String OPTION = "mounts.option.";

  private static Map<String, MountViolation> table() {
    List<MountViolation> v = new ArrayList<>();
    for (MountFlagTests.Case c : MountFlagTests.CASES) {
      String id = OPTION + c.name();
      String dest = c.dest();
      switch (c.kind()) {
        case CHANGE -> v.add(ignore(id, dest, c.name(), controlled(c)));
        case OUTCOME -> {
          // The kernel default is what the option asks: a runtime must apply something else.
          String instead = c.name().equals("defaults") ? "nosuid" : "strictatime";
          v.add(replace(id, dest, c.name(), instead));
        }
        case ACCEPTED, HIDDEN -> v.add(refuse(id, dest, mountError(dest)));
      }
    }
    for (RecursiveMountTests.Case c : RecursiveMountTests.CASES) {
      String id = OPTION + c.name();
      v.add(
          c.outcome()
              ? replace(id, c.dest(), c.name(), "rstrictatime")
              : new MountViolation(
                  id, id, Kind.TOP_ONLY, c.dest(), c.name(), null, c.dest() + "/sub", Set.of()));
    }
    // A runtime naming the option it does not support (runsc, for the recursive ones).
    v.add(
        new MountViolation(
            OPTION + "rro#refused",
            OPTION + "rro",
            Kind.REFUSE,
            RecursiveMountTests.DIR + "/rro",
            "rro",
            "mount option \"rro\" is not supported",
            "mount option \"rro\" is not supported",
            Set.of()));
    String p = PropagationOptionTests.DIR;
    // Without the shared peer, the control of the options judged against it is not shared.
    v.add(
        ignore(
            OPTION + "shared",
            p + "/peer",
            "shared",
            Set.of(OPTION + "private", OPTION + "slave", OPTION + "rslave")));
    for (String o : List.of("private", "slave", "unbindable")) {
      v.add(ignore(OPTION + o, p + "/" + o, o, Set.of()));
    }
    v.add(
        new MountViolation(
            OPTION + "rslave",
            OPTION + "rslave",
            Kind.TOP_ONLY,
            p + "/rslave",
            "rslave",
            null,
            p + "/rslave/sub",
            Set.of()));
    v.add(
        new MountViolation(
            "mounts.listed-order",
            "mounts.listed-order",
            Kind.LAST,
            "/ocikit/order",
            null,
            null,
            "/ocikit/order/inner",
            Set.of()));
    v.add(
        refuse(
            "mounts.destination.relative",
            "ocikit-rel",
            "mount destination ocikit-rel is not absolute"));
    // Without remount, the second entry is a tmpfs of its own on top of the first.
    v.add(ignore(OPTION + "remount", "/ocikit/x/remount", "remount", Set.of()));
    // The root keeps another propagation than the one value of rootfsPropagation asks (private
    // instead of that value, the host's shared instead of private).
    for (String value : List.of("private", "shared", "slave", "unbindable")) {
      String id = "linux.rootfs-propagation." + value;
      String got = value.equals("private") ? "shared" : "private";
      v.add(new MountViolation(id, id, Kind.ROOT, "", value, got, got + ": ", Set.of()));
    }
    v.add(
        ignore("mounts.bind-propagation", "/ocikit-shared", "rshared", Set.of())
            .withEvidence("/ocikit-shared is private"));
    v.addAll(observed());
    Map<String, MountViolation> m = new LinkedHashMap<>();
    v.forEach(x -> m.put(x.name(), x));
    return Collections.unmodifiableMap(m);
  }

  /** The mounts of {@link RootObservation}, judged by {@link MountOptionTests}. */
  private static List<MountViolation> observed() {
    String m = RootObservation.MOUNTS;
    List<MountViolation> v = new ArrayList<>();
    v.add(ignore(OPTION + "ro", m + "/ro", "ro", Set.of()).withEvidence("w-ro -> ok"));
    v.add(ignore(OPTION + "nosuid", m + "/nosuid", "nosuid", Set.of()));
    v.add(ignore(OPTION + "nodev", m + "/nodev", "nodev", Set.of()).withEvidence("null -> ok:"));
    v.add(
        ignore(OPTION + "noexec", m + "/noexec", "noexec", Set.of())
            .withEvidence("busybox -> ok:exit=0"));
    v.add(replace(OPTION + "bind", m + "/bind", "bind", "rbind").withEvidence("ok:submount"));
    v.add(replace(OPTION + "rbind", m + "/plain", "rbind", "bind").withEvidence("sub mount: null"));
    v.add(
        ignore(
                "mounts.type.tmpfs-size",
                m + "/tmpfs",
                "size=" + MountOptionTests.TMPFS_SIZE,
                Set.of())
            .withEvidence("statfs: ok:" + ScriptedMountProbes.DEFAULT_TMPFS_BYTES));
    // A runtime mounting a tmpfs where another filesystem was asked for.
    String[][] types = {
      {"proc", "/proc"}, {"sysfs", "/sys"}, {"mqueue", "/mqueue"}, {"devpts", "/pts"}
    };
    for (String[] t : types) {
      String id = "mounts.type." + t[0];
      v.add(
          new MountViolation(
              id, id, Kind.TYPE, m + t[1], null, "tmpfs", "- tmpfs " + t[0], Set.of()));
    }
    return v;
  }

  /** The tests whose control is the mount of case {@code c}: they SKIP when it is broken. */
  private static Set<String> controlled(MountFlagTests.Case c) {
    Set<String> ids = new java.util.TreeSet<>();
    for (MountFlagTests.Case other : MountFlagTests.CASES) {
      if (other.kind() == MountFlagTests.Kind.CHANGE && other.control().equals(c.dest())) {
        ids.add(OPTION + other.name());
      }
    }
    return ids;
  }

  private static String mountError(String dest) {
    return "error mounting \"tmpfs\" to rootfs at \"" + dest + "\": invalid argument";
  }

  private static MountViolation ignore(String id, String dest, String option, Set<String> also) {
    return new MountViolation(id, id, Kind.IGNORE, dest, option, null, dest, also);
  }

  private static MountViolation replace(String id, String dest, String option, String instead) {
    return new MountViolation(id, id, Kind.REPLACE, dest, option, instead, dest, Set.of());
  }

  private static MountViolation refuse(String id, String dest, String message) {
    return new MountViolation(id, id, Kind.REFUSE, dest, null, message, message, Set.of());
  }
}
