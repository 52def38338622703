package dev.ocikit.validate.rules;

import dev.ocikit.spec.runtime.Namespace;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.RuntimeConfig;

/** Questions about linux.namespaces that several rules ask. */
public final class LinuxNamespaces {
  private LinuxNamespaces() {}

  /**
   * Whether the config lists a namespace of {@code type} (new, or joined by path): when it does
   * not, the container shares the runtime's namespace of that type.
   */
  public static boolean declares(RuntimeConfig config, NamespaceType type) {
    if (config.linux() == null || config.linux().namespaces() == null) {
      return false;
    }
    for (Namespace ns : config.linux().namespaces()) {
      if (ns != null && ns.type() != null && ns.type().value().equals(type.value())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the namespaces list itself could not be read (then rules about it stay silent). */
  public static boolean unreadable(RuntimeConfig config) {
    return config.linux() != null && config.linux().otherProperties().containsKey("namespaces");
  }
}
