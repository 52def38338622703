package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.bundle.ConfigEditor;
import dev.ocikit.conformance.checker.Observe;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One container running {@link Observe} on the host JDK (bind-mounted read-only) with a config that
 * sets most process and Linux properties at once. Many tests judge this single run against {@link
 * #intended()}, the harness's own copy of the config.
 *
 * <p>Java rather than a busybox script: parsing /proc and writing JSON is exact in Java, and a JVM
 * start inside the container measured ~0.1-0.3 s on the reference host, paid once per runtime.
 */
record Observation(JsonNode seen, RuntimeConfig intended, Path shared) {
  static final int UID = 1000;
  static final int GID = 1000;
  static final List<Integer> EXTRA_GIDS = List.of(2000, 3000);
  static final int UMASK = 027;
  static final String[] CAPS = {"CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE"};
  static final long NOFILE_SOFT = 512;
  static final long NOFILE_HARD = 1024;
  static final int OOM_SCORE_ADJ = 123;
  static final String MSGMAX = "12345";

  static Observation get(Context ctx) throws Exception {
    return ctx.observations().get("observe", () -> make(ctx));
  }

  private static Observation make(Context ctx) throws Exception {
    Container c = ctx.container();
    Path rootfs = c.bundle().rootfs();
    Path shared = c.bundle().shared();
    Files.createDirectories(rootfs.resolve("ocikit/work"));
    Files.writeString(rootfs.resolve("ocikit/masked-file"), "secret");
    Files.createDirectories(rootfs.resolve("ocikit/masked-dir"));
    Files.writeString(rootfs.resolve("ocikit/masked-dir/inner"), "secret");
    Files.createDirectories(rootfs.resolve("ocikit/tmpfs"));
    Path ro = Files.createDirectories(shared.resolve("ro-dir"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxrwxrwx"));
    List<String> probes =
        new ArrayList<>(
            List.of(
                "read:/ocikit/masked-file",
                "list:/ocikit/masked-dir",
                "write:" + ro.resolve("probe"),
                "write:" + shared.resolve("rw-probe"),
                "write:/ocikit/root-probe",
                "write:/ocikit/tmpfs/probe",
                "read:/proc/sys/kernel/msgmax"));
    for (String dev : ObservationTests.DEVICES) {
      probes.add("stat:" + dev);
    }
    for (String link : ObservationTests.DEV_LINKS.keySet()) {
      probes.add("link:" + link);
    }
    probes.add("link:/dev/ptmx");
    // Rootless, the one mapped id is root and mknod is denied: the process runs as root without
    // supplementary groups and there is no device node; the tests of those are out of scope.
    boolean rootless = ctx.rootless() != null;
    if (!rootless) {
      probes.add("stat:" + DeviceTests.PATH);
    }
    var cfg = c.bundle().config();
    observer(cfg, shared, probes);
    cfg.env("OCIKIT_ENV=hello world")
        .cwd("/ocikit/work")
        .hostname("ocikit-observed")
        .user(rootless ? 0 : UID, rootless ? 0 : GID, rootless ? List.of() : EXTRA_GIDS, UMASK)
        .capabilities(CAPS)
        .rlimit("RLIMIT_NOFILE", NOFILE_SOFT, NOFILE_HARD)
        .oomScoreAdj(OOM_SCORE_ADJ)
        .noNewPrivileges(true)
        .sysctl("kernel.msgmax", MSGMAX)
        .maskedPath("/ocikit/masked-file")
        .maskedPath("/ocikit/masked-dir")
        .readonlyPath(ro.toString())
        .readonlyRoot(true);
    if (!rootless) {
      cfg.generator().linuxSettings().device(DeviceTests.config());
    }
    cfg.mount("/ocikit/tmpfs", "tmpfs", "tmpfs", "nosuid", "nodev", "size=1m", "mode=1777");
    return run(c);
  }

  /**
   * Makes {@code Observe} the container's process, reporting to the shared dir with {@code probes},
   * and bind-mounts the host JDK and the checker read-only for it.
   */
  static void observer(ConfigEditor cfg, Path shared, List<String> probes) throws Exception {
    String javaHome = System.getProperty("java.home");
    Path checker =
        Path.of(Observe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String checkerDest = Files.isDirectory(checker) ? "/ocikit-checker" : "/ocikit-checker.jar";
    List<String> args =
        new ArrayList<>(
            List.of(
                javaHome + "/bin/java",
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx32m",
                "-XX:-UsePerfData",
                // Without this the JVM raises its own soft RLIMIT_NOFILE to the hard limit at
                // startup.
                "-XX:-MaxFDLimit",
                "-cp",
                checkerDest,
                Observe.class.getName(),
                shared.resolve("observe.json").toString()));
    args.addAll(probes);
    cfg.args(args.toArray(String[]::new));
    cfg.mount(javaHome, "bind", javaHome, "rbind", "ro")
        .mount("/lib64", "bind", "/lib64", "rbind", "ro")
        .mount("/lib/x86_64-linux-gnu", "bind", "/lib/x86_64-linux-gnu", "rbind", "ro")
        .mount("/usr/lib/x86_64-linux-gnu", "bind", "/usr/lib/x86_64-linux-gnu", "rbind", "ro")
        .mount(checkerDest, "bind", checker.toString(), "rbind", "ro");
    if (Files.isDirectory(Path.of("/etc/java-17-openjdk"))) {
      // Debian's JDK conf/ entries are symlinks into /etc.
      cfg.mount("/etc/java-17-openjdk", "bind", "/etc/java-17-openjdk", "rbind", "ro");
    }
  }

  /** Creates and starts {@code c} (set up by {@link #observer}) and reads its report. */
  static Observation run(Container c) throws Exception {
    c.createOk();
    c.startOk();
    Path shared = c.bundle().shared();
    Path out = shared.resolve("observe.json");
    if (!Context.await(() -> Files.exists(out), Duration.ofSeconds(15))) {
      throw new Unmet("precondition: the observer wrote no report; status " + c.status());
    }
    return new Observation(Container.JSON.readTree(out.toFile()), c.intended(), shared);
  }

  String probe(String spec) {
    return seen.path("probes").path(spec).asString("<not probed>");
  }

  String status(String key) {
    return seen.path("status").path(key).asString("<absent>");
  }
}
