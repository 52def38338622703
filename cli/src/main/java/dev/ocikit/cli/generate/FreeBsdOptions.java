package dev.ocikit.cli.generate;

import dev.ocikit.cli.generate.Values.KeyValue;
import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.FreeBsdSettings;
import dev.ocikit.spec.runtime.FreeBSDJailMode;
import dev.ocikit.spec.runtime.FreeBSDJailSharing;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code freebsd}: devfs devices and jail parameters; modes new, inherit, disable. */
final class FreeBsdOptions {
  @Option(
      names = "--freebsd-device-add",
      paramLabel = "PATH[:MODE]",
      description = "Expose a devfs device (PATH under /dev, MODE octal), e.g. pf:0600.")
  List<String> devices = new ArrayList<>();

  @Option(names = "--freebsd-jail-parent", paramLabel = "NAME", description = "Parent jail.")
  String parent;

  @Option(
      names = "--freebsd-jail-host",
      paramLabel = "MODE",
      converter = LinuxConverters.JailSharingConverter.class,
      description = "new: own hostname; inherit: the host's.")
  FreeBSDJailSharing host;

  @Option(
      names = "--freebsd-jail-vnet",
      paramLabel = "MODE",
      converter = LinuxConverters.JailSharingConverter.class,
      description = "new: own network stack; inherit: the parent's or host's.")
  FreeBSDJailSharing vnet;

  @Option(
      names = "--freebsd-jail-ip4",
      paramLabel = "MODE",
      converter = LinuxConverters.JailModeConverter.class)
  FreeBSDJailMode ip4;

  @Option(
      names = "--freebsd-jail-ip6",
      paramLabel = "MODE",
      converter = LinuxConverters.JailModeConverter.class)
  FreeBSDJailMode ip6;

  @Option(names = "--freebsd-jail-ip4-addr", paramLabel = "ADDR", split = ",")
  List<String> ip4Addr = new ArrayList<>();

  @Option(names = "--freebsd-jail-ip6-addr", paramLabel = "ADDR", split = ",")
  List<String> ip6Addr = new ArrayList<>();

  @Option(names = "--freebsd-jail-interface", paramLabel = "IFACE", description = "For ip4/ip6.")
  String networkInterface;

  @Option(names = "--freebsd-jail-vnet-interface", paramLabel = "IFACE", split = ",")
  List<String> vnetInterfaces = new ArrayList<>();

  @Option(
      names = "--freebsd-jail-sysv",
      paramLabel = "msg|sem|shm=MODE",
      converter = Values.KeyValueConverter.class,
      description = "System V IPC mode, e.g. shm=new.")
  List<KeyValue> sysv = new ArrayList<>();

  @Option(names = "--freebsd-jail-enforce-statfs", paramLabel = "0|1|2")
  Integer enforceStatfs;

  @Option(
      names = "--freebsd-jail-allow",
      paramLabel = "NAME",
      split = ",",
      description =
          "Grant setHostname, rawSockets, chflags, quotas, socketAf, mlock,"
              + " reservedPorts or suser.")
  List<String> allow = new ArrayList<>();

  @Option(names = "--freebsd-jail-allow-mount", paramLabel = "FSTYPE", split = ",")
  List<String> allowMount = new ArrayList<>();

  void applyTo(ConfigGenerator g) {
    FreeBsdSettings f = g.freebsdSettings();
    for (String d : devices) {
      String[] p = d.split(":", 2);
      f.device(p[0], p.length == 2 ? Long.parseLong(p[1], 8) : null);
    }
    if (parent != null) {
      f.parent(parent);
    }
    if (host != null) {
      f.host(host);
    }
    if (vnet != null) {
      f.vnet(vnet);
    }
    if (ip4 != null) {
      f.ip4(ip4);
    }
    if (ip6 != null) {
      f.ip6(ip6);
    }
    ip4Addr.forEach(f::ip4Addr);
    ip6Addr.forEach(f::ip6Addr);
    if (networkInterface != null) {
      f.networkInterface(networkInterface);
    }
    vnetInterfaces.forEach(f::vnetInterface);
    sysv.forEach(kv -> f.sysv(kv.key(), FreeBSDJailMode.of(kv.value())));
    if (enforceStatfs != null) {
      f.enforceStatfs(enforceStatfs);
    }
    allow.forEach(a -> f.allow(a, true));
    allowMount.forEach(f::allowMount);
  }

  String problem() {
    for (String d : devices) {
      if (!d.matches("[^/:][^:]*(:[0-7]{1,4})?")) {
        return "--freebsd-device-add: expected PATH[:MODE] with PATH relative to /dev and an octal"
            + " MODE but got '"
            + d
            + "'";
      }
    }
    for (KeyValue kv : sysv) {
      if (!List.of("msg", "sem", "shm").contains(kv.key())
          || !FreeBSDJailMode.of(kv.value()).isKnown()) {
        return "--freebsd-jail-sysv: expected msg, sem or shm=new, inherit or disable but got '"
            + kv.key()
            + "="
            + kv.value()
            + "'";
      }
    }
    if (enforceStatfs != null && (enforceStatfs < 0 || enforceStatfs > 2)) {
      return "--freebsd-jail-enforce-statfs: expected 0, 1 or 2 but got " + enforceStatfs;
    }
    for (String a : allow) {
      if (!FreeBsdSettings.ALLOW_NAMES.contains(a)) {
        return "--freebsd-jail-allow: expected one of "
            + FreeBsdSettings.ALLOW_NAMES
            + " but got '"
            + a
            + "'";
      }
    }
    return null;
  }
}
