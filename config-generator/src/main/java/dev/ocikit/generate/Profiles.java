package dev.ocikit.generate;

import dev.ocikit.spec.LinuxCapabilities;
import dev.ocikit.spec.runtime.Capabilities;
import dev.ocikit.spec.runtime.IDMapping;
import dev.ocikit.spec.runtime.LinuxDeviceCgroup;
import dev.ocikit.spec.runtime.Mount;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.Seccomp;
import java.util.ArrayList;
import java.util.List;

/** Whole-config profiles: privileged, rootless, host-specific. */
final class Profiles {
  private Profiles() {}

  static void privileged(ConfigGenerator g) {
    HostInfo host = g.host();
    List<String> all =
        host == null ? LinuxCapabilities.ALL : LinuxCapabilities.upTo(host.capLastCap());
    Capabilities caps =
        Capabilities.builder()
            .bounding(all)
            .effective(all)
            .inheritable(all)
            .permitted(all)
            .ambient(all)
            .build();
    g.updateProcess(
        p ->
            p.withCapabilities(caps.withOtherProperties(otherCaps(p.capabilities())))
                .withSelinuxLabel(null)
                .withApparmorProfile(null));
    g.updateLinux(l -> l.withSeccomp(null).withMaskedPaths(null).withReadonlyPaths(null));
    g.resources()
        .deviceRules(List.of(LinuxDeviceCgroup.builder().allow(true).access("rwm").build()));
  }

  private static java.util.Map<String, tools.jackson.databind.JsonNode> otherCaps(Capabilities c) {
    return c == null ? null : c.otherProperties();
  }

  static void rootless(ConfigGenerator g, long hostUid, long hostGid) {
    LinuxSettings linux = g.linuxSettings();
    linux.removeNamespace(NamespaceType.NETWORK).namespace(NamespaceType.USER);
    g.updateLinux(
        l ->
            l.withUidMappings(List.of(mapping(hostUid)))
                .withGidMappings(List.of(mapping(hostGid)))
                .withResources(null));
    List<Mount> mounts = new ArrayList<>();
    List<Mount> current = g.build().mounts();
    for (Mount m : current == null ? List.<Mount>of() : current) {
      if ("/sys".equals(m.destination())) {
        mounts.add(
            PlatformDefaults.mount(
                "/sys", "none", "/sys", "rbind", "nosuid", "noexec", "nodev", "ro"));
      } else if (m.options() == null) {
        mounts.add(m);
      } else {
        mounts.add(
            m.withOptions(
                ListEdits.remove(m.options(), o -> o.startsWith("uid=") || o.startsWith("gid="))));
      }
    }
    g.update(c -> c.withMounts(c.mounts() == null ? null : mounts));
  }

  private static IDMapping mapping(long hostId) {
    return IDMapping.builder().containerID(0L).hostID(hostId).size(1L).build();
  }

  static void adaptTo(ConfigGenerator g, HostInfo host) {
    List<String> known = LinuxCapabilities.upTo(host.capLastCap());
    for (CapabilitySet set : CapabilitySet.values()) {
      Capabilities caps = g.currentProcess().capabilities();
      if (caps != null && set.get(caps) != null) {
        List<String> kept = ListEdits.remove(set.get(caps), n -> !known.contains(n));
        g.updateProcess(p -> p.withCapabilities(set.set(caps, kept)));
      }
    }
    if (!host.cgroupNamespace()) {
      g.linuxSettings().removeNamespace(NamespaceType.CGROUP);
    }
    Seccomp s = g.currentLinux().seccomp();
    if (s != null && (s.architectures() == null || s.architectures().isEmpty())) {
      g.seccomp().architectures(SeccompSettings.nativeArchitectures(host.arch()));
    }
  }
}
