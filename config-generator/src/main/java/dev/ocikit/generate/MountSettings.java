package dev.ocikit.generate;

import dev.ocikit.spec.runtime.Mount;
import java.util.List;

/**
 * Edits of {@code mounts}. Mounts apply in list order, so a later one may cover an earlier one;
 * every edit keeps the order of the mounts it does not touch.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#mounts">config.md#mounts</a>
 */
public final class MountSettings {
  private final ConfigGenerator g;

  MountSettings(ConfigGenerator g) {
    this.g = g;
  }

  /**
   * Appends {@code mount}.
   *
   * @param mount the mount to append
   * @return these settings, for chaining
   */
  public MountSettings add(Mount mount) {
    g.update(c -> c.withMounts(ListEdits.append(c.mounts(), mount)));
    return this;
  }

  /**
   * Appends a mount of {@code type} from {@code source} at {@code destination}.
   *
   * @param destination the absolute path inside the container
   * @param type the filesystem type ({@code proc}, {@code tmpfs}, {@code bind}…)
   * @param source the device, directory or pseudo-filesystem name to mount
   * @param options mount options ({@code nosuid}, {@code ro}…), none for the defaults
   * @return these settings, for chaining
   */
  public MountSettings add(String destination, String type, String source, String... options) {
    return add(PlatformDefaults.mount(destination, type, source, options));
  }

  /**
   * Removes every mount at {@code destination}; does nothing when there is none.
   *
   * @param destination the path inside the container whose mounts go
   * @return these settings, for chaining
   */
  public MountSettings remove(String destination) {
    g.update(
        c -> c.withMounts(ListEdits.remove(c.mounts(), m -> destination.equals(m.destination()))));
    return this;
  }

  /**
   * Removes all mounts.
   *
   * @return these settings, for chaining
   */
  public MountSettings clear() {
    g.update(c -> c.withMounts(List.of()));
    return this;
  }
}
