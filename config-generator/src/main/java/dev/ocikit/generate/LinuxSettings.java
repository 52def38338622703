package dev.ocikit.generate;

import dev.ocikit.spec.runtime.IDMapping;
import dev.ocikit.spec.runtime.Linux;
import dev.ocikit.spec.runtime.LinuxDevice;
import dev.ocikit.spec.runtime.LinuxIntelRdt;
import dev.ocikit.spec.runtime.LinuxMemoryPolicy;
import dev.ocikit.spec.runtime.LinuxMemoryPolicyFlag;
import dev.ocikit.spec.runtime.LinuxMemoryPolicyMode;
import dev.ocikit.spec.runtime.LinuxNetDevice;
import dev.ocikit.spec.runtime.LinuxPersonality;
import dev.ocikit.spec.runtime.LinuxPersonalityDomain;
import dev.ocikit.spec.runtime.LinuxTimeOffset;
import dev.ocikit.spec.runtime.Namespace;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.RootfsPropagation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Edits of {@code linux}: namespaces, id mappings, devices, sysctls, path masking, propagation,
 * cgroup path, time offsets, network devices, personality, memory policy and Intel RDT.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config-linux.md">config-linux.md</a>
 */
public final class LinuxSettings {
  private final ConfigGenerator g;

  LinuxSettings(ConfigGenerator g) {
    this.g = g;
  }

  private LinuxSettings edit(UnaryOperator<Linux> e) {
    g.updateLinux(e);
    return this;
  }

  /**
   * Creates a new namespace of {@code type}, replacing an earlier entry of that type.
   *
   * @param type the namespace type
   * @return these settings, for chaining
   */
  public LinuxSettings namespace(NamespaceType type) {
    return namespace(type, null);
  }

  /**
   * Joins the namespace at {@code path} (a {@code /proc/PID/ns/…} file), or creates a new one when
   * {@code path} is null; replaces an earlier entry of that type (types must be unique).
   *
   * @param type the namespace type
   * @param path the namespace file to join, or null for a new namespace
   * @return these settings, for chaining
   */
  public LinuxSettings namespace(NamespaceType type, String path) {
    Namespace ns = Namespace.builder().type(type).path(path).build();
    return edit(
        l -> l.withNamespaces(ListEdits.replace(l.namespaces(), n -> type.equals(n.type()), ns)));
  }

  /**
   * Removes the namespace of {@code type}; does nothing when there is none.
   *
   * @param type the namespace type
   * @return these settings, for chaining
   */
  public LinuxSettings removeNamespace(NamespaceType type) {
    if (g.build().linux() == null || g.build().linux().namespaces() == null) {
      return this;
    }
    return edit(
        l -> l.withNamespaces(ListEdits.remove(l.namespaces(), n -> type.equals(n.type()))));
  }

  /**
   * Removes all namespaces: the container shares every namespace with the runtime.
   *
   * @return these settings, for chaining
   */
  public LinuxSettings clearNamespaces() {
    return edit(l -> l.withNamespaces(List.of()));
  }

  /**
   * Appends a uid mapping of {@code size} ids from {@code containerId} to {@code hostId}.
   *
   * @param hostId the first id on the host
   * @param containerId the first id in the container
   * @param size how many consecutive ids are mapped
   * @return these settings, for chaining
   */
  public LinuxSettings uidMapping(long hostId, long containerId, long size) {
    return edit(
        l -> l.withUidMappings(ListEdits.append(l.uidMappings(), id(hostId, containerId, size))));
  }

  /**
   * Appends a gid mapping of {@code size} ids from {@code containerId} to {@code hostId}.
   *
   * @param hostId the first id on the host
   * @param containerId the first id in the container
   * @param size how many consecutive ids are mapped
   * @return these settings, for chaining
   */
  public LinuxSettings gidMapping(long hostId, long containerId, long size) {
    return edit(
        l -> l.withGidMappings(ListEdits.append(l.gidMappings(), id(hostId, containerId, size))));
  }

  private static IDMapping id(long hostId, long containerId, long size) {
    return IDMapping.builder().hostID(hostId).containerID(containerId).size(size).build();
  }

  /**
   * Adds a device node, replacing an earlier device at the same path.
   *
   * @param device the device node to create in the container
   * @return these settings, for chaining
   */
  public LinuxSettings device(LinuxDevice device) {
    return edit(
        l ->
            l.withDevices(
                ListEdits.replace(l.devices(), d -> device.path().equals(d.path()), device)));
  }

  /**
   * Removes the device at {@code path}.
   *
   * @param path the device's path inside the container, e.g. {@code /dev/fuse}
   * @return these settings, for chaining
   */
  public LinuxSettings removeDevice(String path) {
    return edit(l -> l.withDevices(ListEdits.remove(l.devices(), d -> path.equals(d.path()))));
  }

  /**
   * Removes all devices.
   *
   * @return these settings, for chaining
   */
  public LinuxSettings clearDevices() {
    return edit(l -> l.withDevices(List.of()));
  }

  /**
   * Sets the kernel parameter {@code key} (e.g. {@code net.ipv4.ip_forward}).
   *
   * @param key the sysctl name
   * @param value its value, as written to /proc/sys
   * @return these settings, for chaining
   */
  public LinuxSettings sysctl(String key, String value) {
    return edit(l -> l.withSysctl(put(l.sysctl(), key, value)));
  }

  /**
   * Adds a path the runtime masks (makes unreadable) inside the container.
   *
   * @param path an absolute path inside the container
   * @return these settings, for chaining
   */
  public LinuxSettings maskedPath(String path) {
    return edit(l -> l.withMaskedPaths(ListEdits.appendOnce(l.maskedPaths(), path)));
  }

  /**
   * Adds a path the runtime makes read-only inside the container.
   *
   * @param path an absolute path inside the container
   * @return these settings, for chaining
   */
  public LinuxSettings readonlyPath(String path) {
    return edit(l -> l.withReadonlyPaths(ListEdits.appendOnce(l.readonlyPaths(), path)));
  }

  /**
   * Sets {@code rootfsPropagation}.
   *
   * @param propagation the propagation of the root mount
   * @return these settings, for chaining
   */
  public LinuxSettings rootfsPropagation(RootfsPropagation propagation) {
    return edit(l -> l.withRootfsPropagation(propagation));
  }

  /**
   * Sets {@code cgroupsPath}.
   *
   * @param path the cgroup path, absolute or relative to the runtime's cgroup
   * @return these settings, for chaining
   */
  public LinuxSettings cgroupsPath(String path) {
    return edit(l -> l.withCgroupsPath(path));
  }

  /**
   * Sets {@code mountLabel} (the SELinux context of the container's mounts).
   *
   * @param label an SELinux context, e.g. {@code system_u:object_r:container_file_t:s0}
   * @return these settings, for chaining
   */
  public LinuxSettings mountLabel(String label) {
    return edit(l -> l.withMountLabel(label));
  }

  /**
   * Sets the offset of {@code clock} ({@code monotonic} or {@code boottime}) in the time namespace
   * (since 1.1.0); the config also needs a {@code time} namespace.
   *
   * @param clock {@code monotonic} or {@code boottime}
   * @param secs the offset's whole seconds
   * @param nanosecs the offset's nanoseconds
   * @return these settings, for chaining
   */
  public LinuxSettings timeOffset(String clock, long secs, long nanosecs) {
    LinuxTimeOffset o = LinuxTimeOffset.builder().secs(secs).nanosecs(nanosecs).build();
    return edit(l -> l.withTimeOffsets(put(l.timeOffsets(), clock, o)));
  }

  /**
   * Moves the host network interface {@code name} into the container, renamed to {@code newName}
   * there (null keeps the name); the config also needs a network namespace.
   *
   * @param name the host interface's name
   * @param newName its name inside the container, or null to keep {@code name}
   * @return these settings, for chaining
   */
  public LinuxSettings netDevice(String name, String newName) {
    LinuxNetDevice d = LinuxNetDevice.builder().name(newName).build();
    return edit(l -> l.withNetDevices(put(l.netDevices(), name, d)));
  }

  /**
   * Stops moving the host interface {@code name} into the container.
   *
   * @param name the host interface's name
   * @return these settings, for chaining
   */
  public LinuxSettings removeNetDevice(String name) {
    return edit(
        l -> {
          if (l.netDevices() == null) {
            return l;
          }
          Map<String, LinuxNetDevice> m = new LinkedHashMap<>(l.netDevices());
          m.remove(name);
          return l.withNetDevices(m);
        });
  }

  /**
   * Sets {@code personality}: the execution domain and personality(2) flags.
   *
   * @param domain the execution domain
   * @param flags personality(2) flags, none for none
   * @return these settings, for chaining
   */
  public LinuxSettings personality(LinuxPersonalityDomain domain, List<String> flags) {
    LinuxPersonality p =
        LinuxPersonality.builder()
            .domain(domain)
            .flags(flags.isEmpty() ? null : List.copyOf(flags))
            .build();
    return edit(l -> l.withPersonality(p));
  }

  /**
   * Sets {@code memoryPolicy} (set_mempolicy(2)); {@code nodes} may be null, e.g. for local.
   *
   * @param mode the NUMA memory policy mode
   * @param nodes the node list, e.g. {@code 0-3}, or null
   * @param flags mode flags, none for none
   * @return these settings, for chaining
   */
  public LinuxSettings memoryPolicy(
      LinuxMemoryPolicyMode mode, String nodes, List<LinuxMemoryPolicyFlag> flags) {
    LinuxMemoryPolicy p =
        LinuxMemoryPolicy.builder()
            .mode(mode)
            .nodes(nodes)
            .flags(flags.isEmpty() ? null : List.copyOf(flags))
            .build();
    return edit(l -> l.withMemoryPolicy(p));
  }

  private LinuxSettings intelRdt(UnaryOperator<LinuxIntelRdt> e) {
    return edit(
        l ->
            l.withIntelRdt(
                e.apply(l.intelRdt() == null ? LinuxIntelRdt.builder().build() : l.intelRdt())));
  }

  /**
   * Sets {@code intelRdt.closID}, the resctrl group of the container.
   *
   * @param closId the resctrl group (class of service) name
   * @return these settings, for chaining
   */
  public LinuxSettings intelRdtClosId(String closId) {
    return intelRdt(r -> r.withClosID(closId));
  }

  /**
   * Sets {@code intelRdt.l3CacheSchema}, e.g. {@code L3:0=ffff0;1=3ff}.
   *
   * @param schema the L3 cache allocation schema
   * @return these settings, for chaining
   */
  public LinuxSettings intelRdtL3CacheSchema(String schema) {
    return intelRdt(r -> r.withL3CacheSchema(schema));
  }

  /**
   * Sets {@code intelRdt.memBwSchema}, e.g. {@code MB:0=20;1=70}.
   *
   * @param schema the memory bandwidth schema
   * @return these settings, for chaining
   */
  public LinuxSettings intelRdtMemBwSchema(String schema) {
    return intelRdt(r -> r.withMemBwSchema(schema));
  }

  /**
   * Adds a line to {@code intelRdt.schemata} (since 1.3.0), written to resctrl as it is.
   *
   * @param line one schemata line
   * @return these settings, for chaining
   */
  public LinuxSettings intelRdtSchemata(String line) {
    return intelRdt(r -> r.withSchemata(ListEdits.appendOnce(r.schemata(), line)));
  }

  /**
   * Sets {@code intelRdt.enableMonitoring} (since 1.3.0).
   *
   * @param enable whether the runtime turns on resctrl monitoring
   * @return these settings, for chaining
   */
  public LinuxSettings intelRdtMonitoring(boolean enable) {
    return intelRdt(r -> r.withEnableMonitoring(enable));
  }

  private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
    Map<String, V> out = map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    out.put(key, value);
    return out;
  }
}
