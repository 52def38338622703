package dev.ocikit.generate;

import dev.ocikit.spec.runtime.Capabilities;
import java.util.List;

/**
 * The five capability sets of {@code process.capabilities}.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#linux-process">config.md#linux-process</a>
 */
public enum CapabilitySet {
  /** {@code bounding}. */
  BOUNDING,
  /** {@code effective}. */
  EFFECTIVE,
  /** {@code inheritable}. */
  INHERITABLE,
  /** {@code permitted}. */
  PERMITTED,
  /** {@code ambient}. */
  AMBIENT;

  List<String> get(Capabilities c) {
    return switch (this) {
      case BOUNDING -> c.bounding();
      case EFFECTIVE -> c.effective();
      case INHERITABLE -> c.inheritable();
      case PERMITTED -> c.permitted();
      case AMBIENT -> c.ambient();
    };
  }

  Capabilities set(Capabilities c, List<String> names) {
    return switch (this) {
      case BOUNDING -> c.withBounding(names);
      case EFFECTIVE -> c.withEffective(names);
      case INHERITABLE -> c.withInheritable(names);
      case PERMITTED -> c.withPermitted(names);
      case AMBIENT -> c.withAmbient(names);
    };
  }
}
