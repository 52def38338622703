package dev.ocikit.cli.generate;

import dev.ocikit.cli.generate.CgroupValues.NamedValue;
import dev.ocikit.cli.generate.CgroupValues.RdmaValue;
import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.ResourceSettings;
import dev.ocikit.spec.runtime.LinuxDeviceCgroup;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for device access rules, hugepages, network classes and priorities, and RDMA. */
final class DeviceCgroupOptions {
  private static final String RULE = "allow|deny[,type=a|b|c][,major=N][,minor=N][,access=rwm]";

  @Option(
      names = "--linux-device-cgroup-add",
      paramLabel = "RULE",
      converter = CgroupValues.DeviceRuleConverter.class,
      description = "Append a device access rule: " + RULE + ".")
  List<LinuxDeviceCgroup> add = new ArrayList<>();

  @Option(
      names = "--linux-device-cgroup-remove",
      paramLabel = "RULE",
      converter = CgroupValues.DeviceRuleConverter.class,
      description = "Remove device access rules equal to RULE.")
  List<LinuxDeviceCgroup> remove = new ArrayList<>();

  @Option(
      names = "--linux-hugepage-limits-add",
      paramLabel = "SIZE:BYTES",
      description = "Hugepage limit, e.g. 2MB:1073741824.")
  List<String> hugepages = new ArrayList<>();

  @Option(
      names = "--linux-hugepage-limits-drop",
      paramLabel = "SIZE",
      description = "Remove the limit of a page size.")
  List<String> hugepagesDrop = new ArrayList<>();

  @Option(names = "--linux-network-classid", paramLabel = "N", description = "net_cls class id.")
  Long classId;

  @Option(
      names = "--linux-network-priorities",
      paramLabel = "IFACE:PRIO",
      converter = CgroupValues.NamedValueConverter.class,
      description = "net_prio priority of an interface; -1 removes it.")
  List<NamedValue> priorities = new ArrayList<>();

  @Option(
      names = "--linux-rdma",
      paramLabel = "DEVICE:HANDLES:OBJECTS",
      converter = CgroupValues.RdmaConverter.class,
      description = "RDMA limits of a device, e.g. mlx5_1:3:10000 (a field may be empty).")
  List<RdmaValue> rdma = new ArrayList<>();

  void applyTo(ConfigGenerator g) {
    ResourceSettings r = g.resources();
    // Adds, then removals, as runtime-tools applies them.
    add.forEach(r::deviceRule);
    remove.forEach(r::removeDeviceRule);
    for (String h : hugepages) {
      String[] p = h.split(":");
      r.hugepageLimit(p[0], Long.parseLong(p[1]));
    }
    hugepagesDrop.forEach(r::removeHugepageLimit);
    if (classId != null) {
      r.networkClassId(classId);
    }
    for (NamedValue p : priorities) {
      if (p.value() == -1) {
        r.removeNetworkPriority(p.name());
      } else {
        r.networkPriority(p.name(), p.value());
      }
    }
    rdma.forEach(x -> r.rdma(x.device(), x.handles(), x.objects()));
  }

  String problem() {
    for (String h : hugepages) {
      if (!h.matches("\\d+[KMG]B:\\d{1,18}")) {
        return "--linux-hugepage-limits-add: expected SIZE:BYTES such as 2MB:1073741824 but got '"
            + h
            + "'";
      }
    }
    for (String h : hugepagesDrop) {
      if (!h.matches("\\d+[KMG]B")) {
        return "--linux-hugepage-limits-drop: expected SIZE such as 2MB but got '" + h + "'";
      }
    }
    if (classId != null && (classId < 0 || classId > 0xFFFFFFFFL)) {
      return "--linux-network-classid: expected 0 to 4294967295 but got " + classId;
    }
    return null;
  }
}
