package dev.ocikit.generate;

import dev.ocikit.spec.runtime.FreeBSD;
import dev.ocikit.spec.runtime.FreeBSDDevice;
import dev.ocikit.spec.runtime.FreeBSDJail;
import dev.ocikit.spec.runtime.FreeBSDJailAllow;
import dev.ocikit.spec.runtime.FreeBSDJailMode;
import dev.ocikit.spec.runtime.FreeBSDJailSharing;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits of {@code freebsd}: devfs devices and the jail(8) parameters of the container.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config-freebsd.md">config-freebsd.md</a>
 */
public final class FreeBsdSettings {
  /** The boolean {@code jail.allow} permissions, by their JSON names. */
  public static final List<String> ALLOW_NAMES =
      List.of(
          "setHostname",
          "rawSockets",
          "chflags",
          "quotas",
          "socketAf",
          "mlock",
          "reservedPorts",
          "suser");

  private final ConfigGenerator g;

  FreeBsdSettings(ConfigGenerator g) {
    this.g = g;
  }

  private FreeBsdSettings edit(UnaryOperator<FreeBSD> e) {
    g.update(
        c -> c.withFreebsd(e.apply(c.freebsd() == null ? FreeBSD.builder().build() : c.freebsd())));
    return this;
  }

  private FreeBsdSettings jail(UnaryOperator<FreeBSDJail> e) {
    return edit(
        f -> f.withJail(e.apply(f.jail() == null ? FreeBSDJail.builder().build() : f.jail())));
  }

  private FreeBsdSettings allow(UnaryOperator<FreeBSDJailAllow> e) {
    return jail(
        j ->
            j.withAllow(
                e.apply(j.allow() == null ? FreeBSDJailAllow.builder().build() : j.allow())));
  }

  /**
   * Adds a devfs device ({@code path} relative to /dev, e.g. {@code pf}), replacing one there.
   *
   * @param path the device's path relative to /dev
   * @param mode its permission bits, or null for the devfs default
   * @return these settings, for chaining
   */
  public FreeBsdSettings device(String path, Long mode) {
    FreeBSDDevice d = FreeBSDDevice.builder().path(path).mode(mode).build();
    return edit(f -> f.withDevices(ListEdits.replace(f.devices(), x -> path.equals(x.path()), d)));
  }

  /**
   * Sets {@code jail.parent}: the jail to nest the container in.
   *
   * @param name the parent jail's name
   * @return these settings, for chaining
   */
  public FreeBsdSettings parent(String name) {
    return jail(j -> j.withParent(name));
  }

  /**
   * Sets {@code jail.host}: {@code new} for an own hostname, {@code inherit} for the host's.
   *
   * @param mode {@code NEW} or {@code INHERIT}
   * @return these settings, for chaining
   */
  public FreeBsdSettings host(FreeBSDJailSharing mode) {
    return jail(j -> j.withHost(mode));
  }

  /**
   * Sets {@code jail.vnet}: {@code new} for an own network stack.
   *
   * @param mode {@code NEW} or {@code INHERIT}
   * @return these settings, for chaining
   */
  public FreeBsdSettings vnet(FreeBSDJailSharing mode) {
    return jail(j -> j.withVnet(mode));
  }

  /**
   * Sets {@code jail.ip4}.
   *
   * @param mode how the jail uses IPv4
   * @return these settings, for chaining
   */
  public FreeBsdSettings ip4(FreeBSDJailMode mode) {
    return jail(j -> j.withIp4(mode));
  }

  /**
   * Sets {@code jail.ip6}.
   *
   * @param mode how the jail uses IPv6
   * @return these settings, for chaining
   */
  public FreeBsdSettings ip6(FreeBSDJailMode mode) {
    return jail(j -> j.withIp6(mode));
  }

  /**
   * Adds an IPv4 address the container is restricted to.
   *
   * @param address an IPv4 address
   * @return these settings, for chaining
   */
  public FreeBsdSettings ip4Addr(String address) {
    return jail(j -> j.withIp4Addr(ListEdits.appendOnce(j.ip4Addr(), address)));
  }

  /**
   * Adds an IPv6 address the container is restricted to.
   *
   * @param address an IPv6 address
   * @return these settings, for chaining
   */
  public FreeBsdSettings ip6Addr(String address) {
    return jail(j -> j.withIp6Addr(ListEdits.appendOnce(j.ip6Addr(), address)));
  }

  /**
   * Sets {@code jail.interface}, the host interface the addresses are added to.
   *
   * @param name the host interface, e.g. {@code em0}
   * @return these settings, for chaining
   */
  public FreeBsdSettings networkInterface(String name) {
    return jail(j -> j.withNetworkInterface(name));
  }

  /**
   * Adds a host interface moved into the container's vnet.
   *
   * @param name the host interface, e.g. {@code epair0b}
   * @return these settings, for chaining
   */
  public FreeBsdSettings vnetInterface(String name) {
    return jail(j -> j.withVnetInterfaces(ListEdits.appendOnce(j.vnetInterfaces(), name)));
  }

  /**
   * Sets the System V IPC mode of {@code kind} ({@code msg}, {@code sem} or {@code shm}).
   *
   * @param kind {@code msg}, {@code sem} or {@code shm}
   * @param mode how the jail sees that IPC kind
   * @return these settings, for chaining
   */
  public FreeBsdSettings sysv(String kind, FreeBSDJailMode mode) {
    return switch (kind) {
      case "msg" -> jail(j -> j.withSysvmsg(mode));
      case "sem" -> jail(j -> j.withSysvsem(mode));
      case "shm" -> jail(j -> j.withSysvshm(mode));
      default -> throw new IllegalArgumentException("sysv kind must be msg, sem or shm: " + kind);
    };
  }

  /**
   * Sets {@code jail.enforceStatfs} (0 to 2): which mount points the container can see.
   *
   * @param level 0 sees every mount, 1 those under its root, 2 only its root's
   * @return these settings, for chaining
   */
  public FreeBsdSettings enforceStatfs(int level) {
    return jail(j -> j.withEnforceStatfs(level));
  }

  /**
   * Sets the {@code jail.allow} permission {@code name} (one of {@link #ALLOW_NAMES}).
   *
   * @param name the permission, e.g. {@code raw_sockets}
   * @param value whether the jail has it
   * @return these settings, for chaining
   * @throws IllegalArgumentException for another name
   */
  public FreeBsdSettings allow(String name, boolean value) {
    return allow(
        a ->
            switch (name) {
              case "setHostname" -> a.withSetHostname(value);
              case "rawSockets" -> a.withRawSockets(value);
              case "chflags" -> a.withChflags(value);
              case "quotas" -> a.withQuotas(value);
              case "socketAf" -> a.withSocketAf(value);
              case "mlock" -> a.withMlock(value);
              case "reservedPorts" -> a.withReservedPorts(value);
              case "suser" -> a.withSuser(value);
              default ->
                  throw new IllegalArgumentException(
                      "jail.allow name must be one of " + ALLOW_NAMES + ": " + name);
            });
  }

  /**
   * Adds a filesystem type the container may mount ({@code jail.allow.mount}).
   *
   * @param fsType a filesystem type, e.g. {@code nullfs}
   * @return these settings, for chaining
   */
  public FreeBsdSettings allowMount(String fsType) {
    return allow(a -> a.withMount(ListEdits.appendOnce(a.mount(), fsType)));
  }
}
