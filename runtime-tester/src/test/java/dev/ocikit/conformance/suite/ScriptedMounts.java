package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The scripted runtime's mounts: at create, the mount table of a complying runtime for the bundle's
 * config.json ({@link ScriptedMountTable}), with the one {@link MountViolation} named by {@link
 * ScriptedRuntime#VIOLATION_ENV} applied to the entries it concerns. The table is written to the
 * container's state dir as {@value #MOUNTINFO}; a process reading {@code /proc/self/mountinfo}
 * reads that file instead (its process runs on the host, whose mountinfo no config changes), and
 * the judge tests read it for the container's pid (see {@link HostProc#mountinfoSource}).
 *
 * <p>Host mounts a real run makes below the bundle (the trees {@link MountOptionRun} binds) are
 * described in {@value #HOST_MOUNTS} of the runtime's state dir, as mountinfo lines whose mount
 * points are host paths: the judge tests write it instead of mounting, which needs root.
 */
final class ScriptedMounts {
  /** The container's mountinfo, in its state dir. */
  static final String MOUNTINFO = "mountinfo";

  /** The fake host mounts, in the runtime's state dir. */
  static final String HOST_MOUNTS = "host-mounts";

  private static final String SELF = "/proc/self/mountinfo";

  private ScriptedMounts() {}

  /**
   * {@code create}'s mount part: writes the container's mountinfo to {@code state} and returns
   * {@code argv} reading it for {@code /proc/self/mountinfo}; a refused mount exits 1 with the
   * runtime's message on stderr, as create would.
   */
  static List<String> create(JsonNode config, Path bundle, Path state, List<String> argv)
      throws IOException {
    String name = ScriptedEnv.violation();
    MountViolation v = MountViolation.ALL.get(name);
    String text;
    try {
      text = table(config, bundle, hostMounts(state.getParent()), v).text();
    } catch (ScriptedMountTable.Refused e) {
      throw new ScriptedRuntime.Refused(e.getMessage());
    } catch (RuntimeException e) {
      // A config this model does not handle: the container goes without a mountinfo of its own
      // rather than the create of another area's test failing.
      return argv;
    }
    Path out = state.resolve(MOUNTINFO);
    Files.writeString(out, text);
    List<String> read = new ArrayList<>();
    argv.forEach(a -> read.add(a.replace(SELF, out.toString())));
    return read;
  }

  /** The complying table for {@code config}, then broken by {@code v} when not null. */
  static ScriptedMountTable table(
      JsonNode config, Path bundle, List<ScriptedMountTable.Mnt> host, MountViolation v)
      throws ScriptedMountTable.Refused {
    JsonNode root = config.path("root");
    Path rootfs = bundle.resolve(root.path("path").asString("rootfs"));
    String propagation = config.path("linux").path("rootfsPropagation").asString("private");
    if (v != null && v.kind() == MountViolation.Kind.ROOT && v.option().equals(propagation)) {
      propagation = v.replacement();
    }
    ScriptedMountTable t =
        new ScriptedMountTable(
            rootfs,
            root.path("readonly").asBoolean(false),
            propagation.startsWith("r") ? propagation.substring(1) : propagation,
            host);
    List<JsonNode> entries = new ArrayList<>();
    config.path("mounts").forEach(entries::add);
    if (v != null && v.kind() == MountViolation.Kind.LAST) {
      // The entry is mounted after all others, whatever the listed order.
      entries.stream()
          .filter(m -> m.path("destination").asString().equals(v.dest()))
          .findFirst()
          .ifPresent(
              m -> {
                entries.remove(m);
                entries.add(m);
              });
    }
    for (JsonNode m : entries) {
      String dest = m.path("destination").asString();
      List<String> options = new ArrayList<>();
      m.path("options").forEach(o -> options.add(o.asString()));
      if (v != null && v.dest().equals(dest)) {
        v.breakEntry(options);
      }
      String source = m.path("source").asString("");
      if (!source.isEmpty() && !source.startsWith("/") && isBind(m, options)) {
        source = bundle.resolve(source).toString();
      }
      boolean retyped = v != null && v.kind() == MountViolation.Kind.TYPE && v.dest().equals(dest);
      t.mount(
          dest.startsWith("/") ? dest : "/" + dest,
          retyped ? v.replacement() : m.path("type").asString("none"),
          source,
          options);
    }
    return t;
  }

  private static boolean isBind(JsonNode m, List<String> options) {
    return m.path("type").asString().equals("bind")
        || options.contains("bind")
        || options.contains("rbind");
  }

  /** The fake host mounts listed in {@code runtimeState}, or none. */
  static List<ScriptedMountTable.Mnt> hostMounts(Path runtimeState) throws IOException {
    Path f = runtimeState.resolve(HOST_MOUNTS);
    List<ScriptedMountTable.Mnt> l = new ArrayList<>();
    if (Files.exists(f)) {
      for (MountInfo i : MountInfo.parseAll(Files.readString(f))) {
        l.add(mnt(i));
      }
    }
    return l;
  }

  /** A mountinfo line back as a mount whose mount point is a host path. */
  static ScriptedMountTable.Mnt mnt(MountInfo i) {
    String[] f = i.line().split(" ");
    ScriptedMountTable.Mnt m = ScriptedMountTable.fresh(i.fsType(), f[8 + i.tags().size()]);
    m.point = i.mountPoint();
    m.host = Path.of(i.mountPoint());
    List<String> opts = i.mountOptions();
    m.ro = opts.contains("ro");
    for (String o : opts) {
      if (Set.of("nosuid", "nodev", "noexec", "nodiratime", "nosymfollow").contains(o)) {
        m.flags.add(o);
      }
    }
    m.atime =
        opts.contains("noatime")
            ? "noatime"
            : opts.contains("relatime") ? "relatime" : "strictatime";
    for (String s : i.superOptions()) {
      if (s.equals("ro")) {
        m.sbRo = true;
      } else if (Set.of("sync", "dirsync", "lazytime").contains(s)) {
        m.sb.add(s);
      } else if (!s.equals("rw")) {
        m.fsOptions.add(s);
      }
    }
    return m;
  }
}
