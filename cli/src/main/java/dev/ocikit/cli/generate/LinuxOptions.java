package dev.ocikit.cli.generate;

import dev.ocikit.cli.generate.Values.IdMap;
import dev.ocikit.cli.generate.Values.KeyValue;
import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.LinuxSettings;
import dev.ocikit.spec.runtime.LinuxDevice;
import dev.ocikit.spec.runtime.Namespace;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.RootfsPropagation;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code linux}: namespaces, id mappings, devices, sysctls, paths. */
final class LinuxOptions {
  @Option(
      names = "--linux-namespace-add",
      paramLabel = "TYPE[:PATH]",
      converter = SpecConverters.NamespaceConverter.class,
      description = "Create (or with PATH join) a namespace.")
  List<Namespace> nsAdd = new ArrayList<>();

  @Option(
      names = "--linux-namespace-remove",
      paramLabel = "TYPE",
      converter = SpecConverters.NamespaceTypeConverter.class,
      description = "Share this namespace with the runtime.")
  List<NamespaceType> nsRemove = new ArrayList<>();

  @Option(names = "--linux-namespace-remove-all", description = "Remove all namespaces first.")
  boolean nsRemoveAll;

  @Option(
      names = "--linux-uidmappings",
      paramLabel = "HOST:CONTAINER:SIZE",
      converter = Values.IdMapConverter.class,
      description = "Add a uid mapping (needs a user namespace).")
  List<IdMap> uidMappings = new ArrayList<>();

  @Option(
      names = "--linux-gidmappings",
      paramLabel = "HOST:CONTAINER:SIZE",
      converter = Values.IdMapConverter.class,
      description = "Add a gid mapping (needs a user namespace).")
  List<IdMap> gidMappings = new ArrayList<>();

  @Option(
      names = "--linux-device-add",
      paramLabel = "TYPE:MAJOR:MINOR:PATH[:fileMode=N][:uid=N][:gid=N]",
      converter = SpecConverters.DeviceConverter.class,
      description = "Create a device node, e.g. c:10:229:/dev/fuse.")
  List<LinuxDevice> devices = new ArrayList<>();

  @Option(names = "--linux-device-remove", paramLabel = "PATH", description = "Remove a device.")
  List<String> deviceRemove = new ArrayList<>();

  @Option(names = "--linux-device-remove-all", description = "Remove all devices first.")
  boolean deviceRemoveAll;

  @Option(
      names = "--linux-sysctl",
      paramLabel = "KEY=VALUE",
      converter = Values.KeyValueConverter.class,
      description = "Set a kernel parameter, e.g. net.ipv4.ip_forward=1.")
  List<KeyValue> sysctls = new ArrayList<>();

  @Option(
      names = "--linux-masked-paths",
      paramLabel = "PATH",
      split = ",",
      description = "Mask paths inside the container.")
  List<String> masked = new ArrayList<>();

  @Option(
      names = "--linux-readonly-paths",
      paramLabel = "PATH",
      split = ",",
      description = "Make paths read-only inside the container.")
  List<String> readonly = new ArrayList<>();

  @Option(
      names = "--linux-rootfs-propagation",
      paramLabel = "MODE",
      converter = SpecConverters.PropagationConverter.class,
      description =
          "Root propagation: shared, slave, private, unbindable (the spec's values), or"
              + " rshared, rslave, rprivate, runbindable (runc and crun accept them; the"
              + " validator reports them).")
  RootfsPropagation propagation;

  @Option(names = "--linux-cgroups-path", paramLabel = "PATH", description = "cgroups path.")
  String cgroupsPath;

  @Option(
      names = {"--linux-mount-label", "--linux-mountlabel"},
      paramLabel = "LABEL",
      description = "SELinux mount label.")
  String mountLabel;

  @Option(
      names = "--linux-time-offset",
      paramLabel = "CLOCK:SECS[:NANOS]",
      description = "Offset of monotonic or boottime; adds a time namespace (since 1.1.0).")
  List<String> timeOffsets = new ArrayList<>();

  void applyTo(ConfigGenerator g) {
    LinuxSettings l = g.linuxSettings();
    if (nsRemoveAll) {
      l.clearNamespaces();
    }
    nsRemove.forEach(l::removeNamespace);
    nsAdd.forEach(n -> l.namespace(n.type(), n.path()));
    uidMappings.forEach(m -> l.uidMapping(m.host(), m.container(), m.size()));
    gidMappings.forEach(m -> l.gidMapping(m.host(), m.container(), m.size()));
    if (deviceRemoveAll) {
      l.clearDevices();
    }
    deviceRemove.forEach(l::removeDevice);
    devices.forEach(l::device);
    sysctls.forEach(kv -> l.sysctl(kv.key(), kv.value()));
    masked.forEach(l::maskedPath);
    readonly.forEach(l::readonlyPath);
    if (propagation != null) {
      l.rootfsPropagation(propagation);
    }
    if (cgroupsPath != null) {
      l.cgroupsPath(cgroupsPath);
    }
    if (mountLabel != null) {
      l.mountLabel(mountLabel);
    }
    for (String t : timeOffsets) {
      String[] p = t.split(":");
      l.namespace(NamespaceType.TIME);
      l.timeOffset(p[0], Long.parseLong(p[1]), p.length > 2 ? Long.parseLong(p[2]) : 0);
    }
  }

  /** What the user should know about values written as asked; one line each. */
  List<String> notes() {
    if (propagation == null || propagation.isKnown()) {
      return List.of();
    }
    return List.of(
        "--linux-rootfs-propagation="
            + propagation.value()
            + ": written as asked; runc and crun accept this recursive form, but the spec lists"
            + " only shared, slave, private and unbindable, so oci-validate reports"
            + " linux.rootfs-propagation.value (MUST)");
  }

  String problem() {
    for (String t : timeOffsets) {
      if (!t.matches("(monotonic|boottime):-?\\d{1,18}(:\\d{1,9})?")) {
        return "--linux-time-offset: expected CLOCK:SECS[:NANOS] with CLOCK monotonic or boottime"
            + " but got '"
            + t
            + "'";
      }
    }
    for (String p : masked) {
      if (!p.startsWith("/")) {
        return "--linux-masked-paths: expected an absolute path but got '" + p + "'";
      }
    }
    for (String p : readonly) {
      if (!p.startsWith("/")) {
        return "--linux-readonly-paths: expected an absolute path but got '" + p + "'";
      }
    }
    return null;
  }
}
