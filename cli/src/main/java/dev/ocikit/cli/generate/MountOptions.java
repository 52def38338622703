package dev.ocikit.cli.generate;

import dev.ocikit.cli.generate.Values.KeyValue;
import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.spec.runtime.Mount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for the root filesystem, mounts, names and annotations. */
final class MountOptions {
  @Option(names = "--rootfs-path", paramLabel = "PATH", description = "Root filesystem path.")
  String rootfsPath;

  @Option(
      names = "--rootfs-readonly",
      arity = "0..1",
      paramLabel = "BOOL",
      description = "Make the root filesystem read-only (true when given without a value).")
  Boolean rootfsReadonly;

  @Option(
      names = {"--mounts-add", "--mount"},
      paramLabel = "JSON",
      converter = SpecConverters.MountJsonConverter.class,
      description = "Append a mount given as a JSON object.")
  List<Mount> mounts = new ArrayList<>();

  @Option(
      names = "--mount-bind",
      paramLabel = "SRC:DEST[:OPT...]",
      description = "Append a bind mount (options default to rbind).")
  List<String> binds = new ArrayList<>();

  @Option(
      names = "--tmpfs",
      paramLabel = "DEST[:OPT...]",
      description = "Append a tmpfs mount (options default to nosuid,nodev,mode=755).")
  List<String> tmpfs = new ArrayList<>();

  @Option(names = "--mounts-remove", paramLabel = "DEST", description = "Remove mounts at DEST.")
  List<String> remove = new ArrayList<>();

  @Option(names = "--mounts-remove-all", description = "Remove all mounts first.")
  boolean removeAll;

  @Option(names = "--hostname", paramLabel = "NAME", description = "Host name.")
  String hostname;

  @Option(names = "--domainname", paramLabel = "NAME", description = "Domain name (since 1.1.0).")
  String domainname;

  @Option(
      names = {"--label", "--annotation"},
      paramLabel = "KEY=VALUE",
      converter = Values.KeyValueConverter.class,
      description = "Add an annotation.")
  List<KeyValue> labels = new ArrayList<>();

  @Option(names = "--annotation-remove", paramLabel = "KEY", description = "Remove an annotation.")
  List<String> annotationRemove = new ArrayList<>();

  @Option(
      names = "--mount-cgroups",
      paramLabel = "rw|ro|no",
      description = "Mount the cgroup hierarchy at /sys/fs/cgroup read-write, read-only, or not.")
  String mountCgroups;

  void applyTo(ConfigGenerator g) {
    if (rootfsPath != null) {
      g.rootPath(rootfsPath);
    }
    if (rootfsReadonly != null) {
      g.rootReadonly(rootfsReadonly);
    }
    if (removeAll) {
      g.mounts().clear();
    }
    remove.forEach(g.mounts()::remove);
    mounts.forEach(g.mounts()::add);
    for (String b : binds) {
      List<String> p = Arrays.asList(b.split(":"));
      List<String> opts = p.size() > 2 ? p.subList(2, p.size()) : List.of("rbind");
      g.mounts().add(p.get(1), "bind", p.get(0), opts.toArray(String[]::new));
    }
    for (String t : tmpfs) {
      List<String> p = Arrays.asList(t.split(":"));
      List<String> opts =
          p.size() > 1 ? p.subList(1, p.size()) : List.of("nosuid", "nodev", "mode=755");
      g.mounts().add(p.get(0), "tmpfs", "tmpfs", opts.toArray(String[]::new));
    }
    if (mountCgroups != null) {
      g.mounts().remove("/sys/fs/cgroup");
      if (!mountCgroups.equals("no")) {
        g.mounts()
            .add(
                "/sys/fs/cgroup",
                "cgroup",
                "cgroup",
                "nosuid",
                "noexec",
                "nodev",
                "relatime",
                mountCgroups);
      }
    }
    if (hostname != null) {
      g.hostname(hostname);
    }
    if (domainname != null) {
      g.domainname(domainname);
    }
    annotationRemove.forEach(g::removeAnnotation);
    labels.forEach(kv -> g.annotation(kv.key(), kv.value()));
  }

  String problem() {
    for (String b : binds) {
      String[] p = b.split(":");
      if (p.length < 2 || !p[1].startsWith("/") || p[0].isEmpty()) {
        return "--mount-bind: expected SRC:/DEST[:OPT...] but got '" + b + "'";
      }
    }
    if (mountCgroups != null && !List.of("rw", "ro", "no").contains(mountCgroups)) {
      return "--mount-cgroups: expected rw, ro or no but got '" + mountCgroups + "'";
    }
    for (String t : tmpfs) {
      if (!t.startsWith("/")) {
        return "--tmpfs: expected /DEST[:OPT...] but got '" + t + "'";
      }
    }
    return null;
  }
}
