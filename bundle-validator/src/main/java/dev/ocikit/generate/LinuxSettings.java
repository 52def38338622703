package dev.ocikit.generate;

import dev.ocikit.spec.runtime.IDMapping;
import dev.ocikit.spec.runtime.Linux;
import dev.ocikit.spec.runtime.LinuxDevice;
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
 * cgroup path and time offsets.
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

  /** Creates a new namespace of {@code type}, replacing an earlier entry of that type. */
  public LinuxSettings namespace(NamespaceType type) {
    return namespace(type, null);
  }

  /**
   * Joins the namespace at {@code path} (a {@code /proc/PID/ns/…} file), or creates a new one when
   * {@code path} is null; replaces an earlier entry of that type (types must be unique).
   */
  public LinuxSettings namespace(NamespaceType type, String path) {
    Namespace ns = Namespace.builder().type(type).path(path).build();
    return edit(
        l -> l.withNamespaces(ListEdits.replace(l.namespaces(), n -> type.equals(n.type()), ns)));
  }

  /** Removes the namespace of {@code type}; does nothing when there is none. */
  public LinuxSettings removeNamespace(NamespaceType type) {
    if (g.build().linux() == null || g.build().linux().namespaces() == null) {
      return this;
    }
    return edit(
        l -> l.withNamespaces(ListEdits.remove(l.namespaces(), n -> type.equals(n.type()))));
  }

  /** Removes all namespaces: the container shares every namespace with the runtime. */
  public LinuxSettings clearNamespaces() {
    return edit(l -> l.withNamespaces(List.of()));
  }

  /** Appends a uid mapping of {@code size} ids from {@code containerId} to {@code hostId}. */
  public LinuxSettings uidMapping(long hostId, long containerId, long size) {
    return edit(
        l -> l.withUidMappings(ListEdits.append(l.uidMappings(), id(hostId, containerId, size))));
  }

  /** Appends a gid mapping of {@code size} ids from {@code containerId} to {@code hostId}. */
  public LinuxSettings gidMapping(long hostId, long containerId, long size) {
    return edit(
        l -> l.withGidMappings(ListEdits.append(l.gidMappings(), id(hostId, containerId, size))));
  }

  private static IDMapping id(long hostId, long containerId, long size) {
    return IDMapping.builder().hostID(hostId).containerID(containerId).size(size).build();
  }

  /** Adds a device node, replacing an earlier device at the same path. */
  public LinuxSettings device(LinuxDevice device) {
    return edit(
        l ->
            l.withDevices(
                ListEdits.replace(l.devices(), d -> device.path().equals(d.path()), device)));
  }

  /** Removes the device at {@code path}. */
  public LinuxSettings removeDevice(String path) {
    return edit(l -> l.withDevices(ListEdits.remove(l.devices(), d -> path.equals(d.path()))));
  }

  /** Removes all devices. */
  public LinuxSettings clearDevices() {
    return edit(l -> l.withDevices(List.of()));
  }

  /** Sets the kernel parameter {@code key} (e.g. {@code net.ipv4.ip_forward}). */
  public LinuxSettings sysctl(String key, String value) {
    return edit(l -> l.withSysctl(put(l.sysctl(), key, value)));
  }

  /** Adds a path the runtime masks (makes unreadable) inside the container. */
  public LinuxSettings maskedPath(String path) {
    return edit(l -> l.withMaskedPaths(ListEdits.appendOnce(l.maskedPaths(), path)));
  }

  /** Adds a path the runtime makes read-only inside the container. */
  public LinuxSettings readonlyPath(String path) {
    return edit(l -> l.withReadonlyPaths(ListEdits.appendOnce(l.readonlyPaths(), path)));
  }

  /** Sets {@code rootfsPropagation}. */
  public LinuxSettings rootfsPropagation(RootfsPropagation propagation) {
    return edit(l -> l.withRootfsPropagation(propagation));
  }

  /** Sets {@code cgroupsPath}. */
  public LinuxSettings cgroupsPath(String path) {
    return edit(l -> l.withCgroupsPath(path));
  }

  /** Sets {@code mountLabel} (the SELinux context of the container's mounts). */
  public LinuxSettings mountLabel(String label) {
    return edit(l -> l.withMountLabel(label));
  }

  /**
   * Sets the offset of {@code clock} ({@code monotonic} or {@code boottime}) in the time namespace
   * (since 1.1.0); the config also needs a {@code time} namespace.
   */
  public LinuxSettings timeOffset(String clock, long secs, long nanosecs) {
    LinuxTimeOffset o = LinuxTimeOffset.builder().secs(secs).nanosecs(nanosecs).build();
    return edit(l -> l.withTimeOffsets(put(l.timeOffsets(), clock, o)));
  }

  private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
    Map<String, V> out = map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    out.put(key, value);
    return out;
  }
}
