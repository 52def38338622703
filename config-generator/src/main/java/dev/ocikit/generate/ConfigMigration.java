package dev.ocikit.generate;

import dev.ocikit.spec.model.ModelObject;
import dev.ocikit.spec.runtime.Hooks;
import dev.ocikit.spec.runtime.LinuxMemory;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a config written for an older 1.x runtime-spec as a 1.3.0 config: {@code ociVersion} is
 * bumped and everything else is kept, including deprecated and unknown properties, which are
 * reported so that a person can decide what to do with them.
 */
public final class ConfigMigration {
  private ConfigMigration() {}

  /**
   * The migrated config and what deserves attention.
   *
   * @param config the config with {@code ociVersion} 1.3.0
   * @param fromVersion the {@code ociVersion} it declared
   * @param notes one line per deprecated or unknown property, naming its JSON pointer
   */
  public record Result(RuntimeConfig config, String fromVersion, List<String> notes) {
    /**
     * Copies the notes, so that the result cannot change under its reader.
     *
     * @param config the migrated config
     * @param fromVersion the version it declared
     * @param notes the notes, copied
     */
    public Result {
      notes = List.copyOf(notes);
    }
  }

  /**
   * Migrates {@code old}.
   *
   * @param old the config as read, declaring a 1.x {@code ociVersion}
   * @return the config moved to 1.3.0, the version it came from and notes on what changed
   * @throws IllegalArgumentException if it declares a version other than 1.x up to 1.3.0
   */
  public static Result toCurrent(RuntimeConfig old) {
    String from = old.ociVersion();
    if (from == null || !from.matches("1\\.[0-3]\\.\\d+(?:[-+].*)?")) {
      throw new IllegalArgumentException(
          "ociVersion '" + from + "' is not a 1.x version up to 1.3.0; nothing to migrate from");
    }
    List<String> notes = new ArrayList<>();
    Hooks hooks = old.hooks();
    if (hooks != null && hooks.prestart() != null && !hooks.prestart().isEmpty()) {
      notes.add(
          "/hooks/prestart is deprecated since 1.0.2 (kept): move each hook to createRuntime,"
              + " createContainer or startContainer");
    }
    LinuxMemory mem =
        old.linux() == null || old.linux().resources() == null
            ? null
            : old.linux().resources().memory();
    if (mem != null && mem.kernel() != null) {
      notes.add(
          "/linux/resources/memory/kernel is not recommended (kept): the kernel dropped kernel"
              + " memory limits and cgroup v2 has none");
    }
    if (mem != null && mem.kernelTCP() != null) {
      notes.add("/linux/resources/memory/kernelTCP is not recommended (kept): cgroup v2 has none");
    }
    unknown("", old, notes);
    unknown("/process", old.process(), notes);
    unknown("/linux", old.linux(), notes);
    unknown("/root", old.root(), notes);
    return new Result(old.withOciVersion(PlatformDefaults.OCI_VERSION), from, notes);
  }

  private static void unknown(String pointer, ModelObject o, List<String> notes) {
    if (o == null) {
      return;
    }
    for (String name : o.otherProperties().keySet()) {
      notes.add(
          pointer
              + "/"
              + name
              + " is not a runtime-spec 1.3.0 property or does not have its type (kept)");
    }
  }
}
