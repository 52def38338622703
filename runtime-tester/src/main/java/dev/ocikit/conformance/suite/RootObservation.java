package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.bundle.ConfigEditor;
import dev.ocikit.spec.runtime.Capabilities;
import dev.ocikit.spec.runtime.NamespaceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second observer container, shared by the rlimit, capability, namespaced-sysctl and mount
 * tests: {@link Observation}'s observer run as root in a network namespace of its own, with every
 * rlimit the host lets a runtime set to something other than what it inherits, nested capability
 * sets (bounding = permitted = effective ⊋ inheritable ⊋ ambient; for root the kernel recomputes
 * permitted and effective at execve as bounding ∪ inheritable ∪ ambient, so other nestings cannot
 * be seen after exec), sysctls different from the host's and one mount per option and filesystem
 * type judged.
 *
 * @param obs the report and the config it is judged against
 * @param hostSysctls the host's value of each configured sysctl, read before create
 * @param rlimitSkips rlimit types left out of the config, with the reason
 */
record RootObservation(
    Observation obs, Map<String, String> hostSysctls, Map<String, String> rlimitSkips) {
  static final List<String> BOUNDING =
      List.of("CAP_CHOWN", "CAP_KILL", "CAP_SETUID", "CAP_NET_BIND_SERVICE", "CAP_AUDIT_WRITE");
  static final List<String> INHERITABLE = List.of("CAP_KILL", "CAP_SETUID", "CAP_NET_BIND_SERVICE");
  static final List<String> AMBIENT = List.of("CAP_NET_BIND_SERVICE");

  /** Where the mounts judged by {@link MountOptionTests} sit in the container. */
  static final String MOUNTS = "/ocikit/m";

  /** Sysctls in the container's network or IPC namespace, each with two candidate values. */
  static final Map<String, List<String>> SYSCTLS =
      Map.of(
          "net.ipv4.ip_forward", List.of("1", "0"),
          "kernel.shmmax", List.of("68719476736", "34359738368"),
          "fs.mqueue.queues_max", List.of("300", "301"));

  static RootObservation get(Context ctx) throws Exception {
    return ctx.observations().get("observe-root", () -> make(ctx));
  }

  private static RootObservation make(Context ctx) throws Exception {
    Container c = ctx.container();
    Path shared = c.bundle().shared();
    Path src =
        sources(c.bundle().dir().resolve("msrc"), c.bundle().rootfs().resolve("bin/busybox"));
    Path sub = src.resolve("sub");
    HostMount.tmpfs(sub);
    try {
      Files.writeString(sub.resolve("marker"), "submount");
      ConfigEditor cfg = c.bundle().config();
      Observation.observer(cfg, shared, probes());
      boolean rootless = ctx.rootless() != null;
      Recipe recipe = Recipe.apply(cfg, rootless);
      mounts(cfg, c.bundle().rootfs(), src, rootless);
      return new RootObservation(Observation.run(c), recipe.hostSysctls(), recipe.rlimitSkips());
    } finally {
      HostMount.detach(sub);
    }
  }

  /**
   * What this observer's config asks for besides its mounts: root, a network namespace of its own,
   * the nested capability sets, every rlimit the host lets a runtime change and the namespaced
   * sysctls with values other than the host's. One recipe, also used by the judge tests that seed
   * this observation without root, so the two cannot drift apart.
   *
   * @param hostSysctls the host's value of each configured sysctl, read before create
   * @param rlimitSkips rlimit types left out of the config, with the reason
   */
  record Recipe(Map<String, String> hostSysctls, Map<String, String> rlimitSkips) {
    static Recipe apply(ConfigEditor cfg) throws IOException {
      return apply(cfg, false);
    }

    /**
     * The recipe for a runtime running as root or, when {@code rootless}, as an unprivileged user,
     * who cannot raise a hard rlimit whatever capabilities the harness holds.
     */
    static Recipe apply(ConfigEditor cfg, boolean rootless) throws IOException {
      cfg.user(0, 0, List.of(), null);
      cfg.generator().linuxSettings().namespace(NamespaceType.of("network"), null);
      Capabilities caps =
          Capabilities.builder()
              .bounding(BOUNDING)
              .effective(BOUNDING)
              .permitted(BOUNDING)
              .inheritable(INHERITABLE)
              .ambient(AMBIENT)
              .build();
      cfg.edit(x -> x.withProcess(x.process().withCapabilities(caps)));
      Map<String, String> skips = new LinkedHashMap<>();
      Map<String, long[]> host = RlimitChoice.hostLimits();
      boolean canRaise = !rootless && RlimitChoice.canRaise();
      for (String type : RlimitChoice.TYPES.keySet()) {
        long[] v = RlimitChoice.choose(type, host, canRaise);
        if (v == null) {
          skips.put(type, RlimitChoice.whyNot(type, host));
        } else {
          cfg.rlimit(type, v[0], v[1]);
        }
      }
      Map<String, String> before = new LinkedHashMap<>();
      for (var e : SYSCTLS.entrySet()) {
        String now = hostSysctl(e.getKey());
        before.put(e.getKey(), now);
        cfg.sysctl(e.getKey(), e.getValue().get(e.getValue().get(0).equals(now) ? 1 : 0));
      }
      return new Recipe(before, skips);
    }
  }

  /**
   * The host tree bind-mounted into the container: a busybox copy (exec probes), a /dev/null node
   * (nodev probes) and {@code sub/}, where the caller mounts a tmpfs holding a marker (bind vs
   * rbind).
   */
  private static Path sources(Path src, Path busybox) throws IOException {
    Files.createDirectories(src.resolve("sub"));
    Path bb = src.resolve("busybox");
    Files.copy(busybox, bb, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(bb, PosixFilePermissions.fromString("rwxr-xr-x"));
    HostMount.run(List.of("mknod", "-m", "666", src.resolve("null").toString(), "c", "1", "3"));
    return src;
  }

  /**
   * Adds the judged mounts of the host tree {@code src} to {@code cfg}; package-private so that the
   * judge tests, which cannot make the tree's device node and submount without root, seed this
   * observation with the same mounts. Rootless, the non-recursive {@code bind} is left out: inside
   * a user namespace the kernel refuses (EINVAL) to bind a tree without the mounts below it, since
   * that would uncover what they hide, so {@code mounts.option.bind} is out of a rootless run's
   * scope.
   */
  static void mounts(ConfigEditor cfg, Path rootfs, Path src, boolean rootless) throws IOException {
    String s = src.toString();
    Map<String, String[]> binds = new LinkedHashMap<>();
    binds.put("plain", new String[] {"rbind", "rw"});
    if (!rootless) {
      binds.put("bind", new String[] {"bind", "rw"});
    }
    binds.put("ro", new String[] {"rbind", "ro"});
    binds.put("nosuid", new String[] {"rbind", "nosuid"});
    binds.put("nodev", new String[] {"rbind", "nodev"});
    binds.put("noexec", new String[] {"rbind", "noexec"});
    for (var e : binds.entrySet()) {
      Files.createDirectories(rootfs.resolve("ocikit/m/" + e.getKey()));
      cfg.mount(MOUNTS + "/" + e.getKey(), "bind", s, e.getValue());
    }
    for (String d : List.of("tmpfs", "proc", "sys", "mqueue", "pts")) {
      Files.createDirectories(rootfs.resolve("ocikit/m/" + d));
    }
    cfg.mount(MOUNTS + "/tmpfs", "tmpfs", "tmpfs", "size=" + MountOptionTests.TMPFS_SIZE)
        .mount(MOUNTS + "/proc", "proc", "proc")
        .mount(MOUNTS + "/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro")
        .mount(MOUNTS + "/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev")
        .mount(
            MOUNTS + "/pts",
            "devpts",
            "devpts",
            "nosuid",
            "noexec",
            "newinstance",
            "ptmxmode=0666",
            "mode=0620");
  }

  /** What the observer probes: the sysctls, then {@link MountOptionTests#PROBES}. */
  static List<String> probes() {
    List<String> p = new ArrayList<>();
    for (String key : SYSCTLS.keySet()) {
      p.add("read:" + procPath(key));
    }
    p.addAll(MountOptionTests.PROBES);
    return p;
  }

  static String procPath(String sysctl) {
    return "/proc/sys/" + sysctl.replace('.', '/');
  }

  /** The host's value of {@code sysctl}, as the harness (in the host's namespaces) reads it. */
  static String hostSysctl(String sysctl) throws IOException {
    try (var in = Files.newInputStream(Path.of(procPath(sysctl)))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
