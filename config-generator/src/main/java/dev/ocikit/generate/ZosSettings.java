package dev.ocikit.generate;

import dev.ocikit.spec.runtime.ZOS;
import dev.ocikit.spec.runtime.ZOSNamespace;
import dev.ocikit.spec.runtime.ZOSNamespaceType;
import java.util.function.UnaryOperator;

/**
 * Edits of {@code zos}: the z/OS namespaces of the container; types not listed are inherited from
 * the runtime.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config-zos.md">config-zos.md</a>
 */
public final class ZosSettings {
  private final ConfigGenerator g;

  ZosSettings(ConfigGenerator g) {
    this.g = g;
  }

  private ZosSettings edit(UnaryOperator<ZOS> e) {
    g.update(c -> c.withZos(e.apply(c.zos() == null ? ZOS.builder().build() : c.zos())));
    return this;
  }

  /**
   * Creates (or, with a {@code path}, joins) a namespace of {@code type}, replacing an earlier
   * entry of that type.
   *
   * @param type the namespace type
   * @param path the namespace to join, or null for a new one
   * @return these settings, for chaining
   */
  public ZosSettings namespace(ZOSNamespaceType type, String path) {
    ZOSNamespace ns = ZOSNamespace.builder().type(type).path(path).build();
    return edit(
        z -> z.withNamespaces(ListEdits.replace(z.namespaces(), n -> type.equals(n.type()), ns)));
  }

  /**
   * Removes the namespace of {@code type}: the container inherits the runtime's.
   *
   * @param type the namespace type
   * @return these settings, for chaining
   */
  public ZosSettings removeNamespace(ZOSNamespaceType type) {
    return edit(
        z -> z.withNamespaces(ListEdits.remove(z.namespaces(), n -> type.equals(n.type()))));
  }
}
