package dev.ocikit.conformance.bundle;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The baseline Linux config every test starts from: the smallest config a runc-style runtime
 * accepts with the namespaces, mounts and masked paths that config-linux.md describes as usual.
 *
 * <p>Built in code (not read from a file) so that each test's intent is visible as edits on top.
 */
final class DefaultConfig {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private DefaultConfig() {}

  static ObjectNode create(String id) {
    ObjectNode c = JSON.createObjectNode();
    c.put("ociVersion", "1.3.0");
    ObjectNode process = c.putObject("process");
    process.put("terminal", false);
    ObjectNode user = process.putObject("user");
    user.put("uid", 0);
    user.put("gid", 0);
    process.putArray("args").add("sh");
    process.putArray("env").add("PATH=/bin:/usr/bin").add("TERM=xterm");
    process.put("cwd", "/");
    ObjectNode caps = process.putObject("capabilities");
    for (String set : new String[] {"bounding", "effective", "permitted"}) {
      caps.putArray(set).add("CAP_AUDIT_WRITE").add("CAP_KILL").add("CAP_NET_BIND_SERVICE");
    }
    ArrayNode rlimits = process.putArray("rlimits");
    ObjectNode nofile = rlimits.addObject();
    nofile.put("type", "RLIMIT_NOFILE").put("hard", 1024).put("soft", 1024);
    process.put("noNewPrivileges", true);
    ObjectNode root = c.putObject("root");
    root.put("path", "rootfs");
    root.put("readonly", false);
    c.put("hostname", "ocikit");
    ArrayNode mounts = c.putArray("mounts");
    mount(mounts, "/proc", "proc", "proc");
    mount(mounts, "/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k");
    mount(
        mounts,
        "/dev/pts",
        "devpts",
        "devpts",
        "nosuid",
        "noexec",
        "newinstance",
        "ptmxmode=0666",
        "mode=0620");
    mount(
        mounts,
        "/dev/shm",
        "tmpfs",
        "shm",
        "nosuid",
        "noexec",
        "nodev",
        "mode=1777",
        "size=65536k");
    mount(mounts, "/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev");
    mount(mounts, "/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro");
    ObjectNode linux = c.putObject("linux");
    // A cgroup named after the container id lets the leak check find what a runtime left behind.
    linux.put("cgroupsPath", "/" + id);
    ArrayNode ns = linux.putArray("namespaces");
    for (String type : new String[] {"pid", "ipc", "uts", "mount"}) {
      ns.addObject().put("type", type);
    }
    ArrayNode masked = linux.putArray("maskedPaths");
    for (String p :
        new String[] {"/proc/kcore", "/proc/keys", "/proc/timer_list", "/sys/firmware"}) {
      masked.add(p);
    }
    ArrayNode ro = linux.putArray("readonlyPaths");
    for (String p :
        new String[] {"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"}) {
      ro.add(p);
    }
    return c;
  }

  static void mount(ArrayNode mounts, String dest, String type, String source, String... opts) {
    ObjectNode m = mounts.addObject();
    m.put("destination", dest);
    m.put("type", type);
    m.put("source", source);
    ArrayNode o = m.putArray("options");
    for (String opt : opts) {
      o.add(opt);
    }
  }
}
