package dev.ocikit.conformance.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The unprivileged user a rootless run drives the runtime as, and what a bundle needs for that
 * user: owned by the user, and a config with a user namespace mapping container root (uid and gid
 * 0, size 1) to the user's own uid and gid. One uid, not a subuid range: the host may lack {@code
 * newuidmap} and {@code /etc/subuid}, and runc 1.1 maps a single id itself.
 *
 * <p>A config asking for what a single-id user namespace on cgroup v1 cannot give is refused with
 * {@link NotApplicable}: resource limits or a cgroup path (an unprivileged user cannot create
 * cgroups there), device nodes (no mknod), another uid or gid for the process or a mount, or a user
 * namespace of the test's own.
 *
 * @param user the user's name
 * @param uid the user's uid, not 0
 * @param gid the user's primary gid
 */
public record Rootless(String user, int uid, int gid) {
  /** Every reason of a test the rootless mode cannot run starts with this. */
  public static final String NOT_APPLICABLE = "not applicable rootless: ";

  /**
   * Checks the ids.
   *
   * @throws IllegalArgumentException when {@code uid} is 0 (that would not be rootless) or negative
   */
  public Rootless {
    if (uid <= 0 || gid < 0) {
      throw new IllegalArgumentException(
          "rootless user " + user + " has uid " + uid + "; an unprivileged user is needed");
    }
  }

  /**
   * Looks the user up with {@code getent passwd}.
   *
   * @param name the user's name
   * @return the user
   * @throws IOException when there is no such user, or it is root
   */
  public static Rootless lookup(String name) throws IOException {
    Process p =
        new ProcessBuilder("getent", "passwd", name)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    String line;
    try (var in = p.getInputStream()) {
      line = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(
            "rootless user '"
                + name
                + "': no such user (scripts/install-test-deps.sh creates"
                + " ocikit-rootless)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted looking up user " + name, e);
    }
    String[] f = line.split(":", -1);
    try {
      return new Rootless(name, Integer.parseInt(f[2]), Integer.parseInt(f[3]));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new IOException("rootless user '" + name + "': " + e.getMessage(), e);
    }
  }

  /** {@return one sentence for reports saying what the rootless mode does} */
  public String sentence() {
    return "rootless: every runtime call runs as "
        + user
        + " (uid "
        + uid
        + ", gid "
        + gid
        + ") in a user namespace mapping container root to it; no cgroup, no device nodes";
  }

  /**
   * Makes {@code config} one the user can run: a user namespace with single-id mappings, no cgroup
   * path or device rules, {@code /sys} bound instead of mounted (sysfs needs a network namespace of
   * the user's), no {@code gid=5} on devpts.
   *
   * @param config the test's config, edited in place
   * @param containerId the container's id: a cgroup path other than the harness's default {@code
   *     /ID} is the test's own
   * @throws NotApplicable when the test asked for what a rootless runtime cannot give
   */
  public void adapt(ConfigEditor config, String containerId) {
    config.json(root -> adapt(root, containerId));
  }

  private ObjectNode adapt(ObjectNode root, String containerId) {
    ObjectNode linux = root.has("linux") ? (ObjectNode) root.get("linux") : root.putObject("linux");
    // A bundle written twice (created again after an edit) already carries this adaptation.
    boolean again = ours(linux.path("uidMappings"), uid) && ours(linux.path("gidMappings"), gid);
    if (!again
        && (linux.has("uidMappings") || linux.has("gidMappings") || hasNamespace(linux, "user"))) {
      throw new NotApplicable(
          NOT_APPLICABLE + "the test sets up a user namespace of its own; rootless needs its own");
    }
    if (linux.has("devices") && !linux.get("devices").isEmpty()) {
      throw new NotApplicable(
          NOT_APPLICABLE + "linux.devices needs mknod, which an unprivileged user cannot do");
    }
    if (linux.has("resources")) {
      ObjectNode res = (ObjectNode) linux.get("resources");
      res.remove("devices"); // the device cgroup is host policy; rootless has no cgroup at all
      if (!res.isEmpty()) {
        throw new NotApplicable(
            NOT_APPLICABLE
                + "linux.resources."
                + res.propertyNames().iterator().next()
                + " needs a cgroup an unprivileged user cannot write (cgroup v1)");
      }
      linux.remove("resources");
    }
    String cgroupsPath = linux.path("cgroupsPath").asString("/" + containerId);
    if (!cgroupsPath.equals("/" + containerId)) {
      throw new NotApplicable(
          NOT_APPLICABLE
              + "linux.cgroupsPath "
              + cgroupsPath
              + " needs a cgroup an unprivileged user cannot create (cgroup v1)");
    }
    linux.remove("cgroupsPath"); // runc would mkdir it under every v1 hierarchy: EACCES
    JsonNode user = root.path("process").path("user");
    long pid = user.path("uid").asLong(0);
    long pgid = user.path("gid").asLong(0);
    if (pid != 0 || pgid != 0 || hasNonRoot(user.path("additionalGids"))) {
      throw new NotApplicable(
          NOT_APPLICABLE
              + "process.user asks for uid "
              + pid
              + " gid "
              + pgid
              + " (or more groups); only container root (0) is mapped");
    }
    adaptMounts(root, hasNamespace(linux, "network"));
    if (again) {
      return root;
    }
    ArrayNode ns =
        linux.has("namespaces")
            ? (ArrayNode) linux.get("namespaces")
            : linux.putArray("namespaces");
    ns.addObject().put("type", "user");
    linux
        .putArray("uidMappings")
        .addObject()
        .put("containerID", 0)
        .put("hostID", uid)
        .put("size", 1);
    linux
        .putArray("gidMappings")
        .addObject()
        .put("containerID", 0)
        .put("hostID", gid)
        .put("size", 1);
    return root;
  }

  private static void adaptMounts(ObjectNode root, boolean ownNetwork) {
    if (!root.has("mounts")) {
      return;
    }
    for (JsonNode m : root.get("mounts")) {
      ObjectNode mount = (ObjectNode) m;
      String type = mount.path("type").asString("");
      if ("cgroup".equals(type) || "cgroup2".equals(type)) {
        throw new NotApplicable(NOT_APPLICABLE + "a cgroup mount needs a cgroup of the user's");
      }
      if ("sysfs".equals(type) && !ownNetwork) {
        mount.put("type", "none").put("source", "/sys");
        ArrayNode o = mount.putArray("options");
        List.of("rbind", "nosuid", "noexec", "nodev", "ro").forEach(o::add);
      }
      if (mount.has("options")) {
        ArrayNode kept = mount.arrayNode();
        for (JsonNode opt : mount.get("options")) {
          String s = opt.asString("");
          if ("devpts".equals(type) && s.equals("gid=5")) {
            continue; // the tty group is not mapped; the pty gets container root's group
          }
          if ((s.startsWith("uid=") || s.startsWith("gid=")) && !s.endsWith("=0")) {
            throw new NotApplicable(
                NOT_APPLICABLE + "mount option " + s + " names an id that is not mapped");
          }
          kept.add(opt);
        }
        mount.set("options", kept);
      }
    }
  }

  private static boolean ours(JsonNode mappings, int hostId) {
    return mappings.size() == 1
        && mappings.get(0).path("containerID").asLong(-1) == 0
        && mappings.get(0).path("hostID").asLong(-1) == hostId
        && mappings.get(0).path("size").asLong(-1) == 1;
  }

  private static boolean hasNamespace(ObjectNode linux, String type) {
    for (JsonNode n : linux.path("namespaces")) {
      if (type.equals(n.path("type").asString(""))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasNonRoot(JsonNode gids) {
    for (Iterator<JsonNode> it = gids.iterator(); it.hasNext(); ) {
      if (it.next().asLong(0) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Gives {@code tree} and everything in it to the user, never following a symlink (the rootfs
   * links point at host paths).
   *
   * @param tree a directory the harness made
   * @throws IOException when an owner cannot be changed
   */
  public void own(Path tree) throws IOException {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(tree)) {
      walk.forEach(all::add);
    }
    for (Path p : all) {
      ownOne(p);
    }
  }

  /**
   * Gives one file or directory (a symlink itself, not its target) to the user.
   *
   * @param path the file, e.g. a test's work directory, where the runtime writes pid files
   * @throws IOException when its owner cannot be changed
   */
  public void ownOne(Path path) throws IOException {
    UserPrincipalLookupService names = FileSystems.getDefault().getUserPrincipalLookupService();
    PosixFileAttributeView view =
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    view.setOwner(names.lookupPrincipalByName(String.valueOf(uid)));
    view.setGroup(names.lookupPrincipalByGroupName(String.valueOf(gid)));
  }
}
