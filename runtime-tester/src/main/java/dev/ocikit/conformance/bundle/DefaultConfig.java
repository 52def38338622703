package dev.ocikit.conformance.bundle;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.spec.runtime.NamespaceType;

/**
 * The baseline Linux config every test starts from: {@link ConfigGenerator#linux()} (what {@code
 * runc spec} writes) with the few edits that keep one config usable on cgroup v1, v2 and inside a
 * user namespace. Tests add what they judge (network, cgroup or user namespaces, resources…).
 */
final class DefaultConfig {
  private DefaultConfig() {}

  static ConfigGenerator create(String id) {
    ConfigGenerator g = ConfigGenerator.linux();
    g.process().terminal(false).env("PATH", "/bin:/usr/bin");
    // Tests that judge namespaces list them explicitly; a network namespace per container only
    // costs time, and a cgroup namespace with a /sys/fs/cgroup mount differs between v1 and v2.
    g.linuxSettings().removeNamespace(NamespaceType.NETWORK).removeNamespace(NamespaceType.CGROUP);
    g.mounts().remove("/sys/fs/cgroup");
    // Tests write markers into the rootfs (and the observer judges root.readonly on its own).
    g.rootReadonly(false);
    // A cgroup named after the container id lets the leak check find what a runtime left behind.
    g.linuxSettings().cgroupsPath("/" + id);
    return g;
  }
}
