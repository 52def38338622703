package dev.ocikit.validate.rules.mounts;

import dev.ocikit.spec.runtime.Mount;

/** The idmap and ridmap mount options. */
final class IdmapOptions {
  private IdmapOptions() {}

  static boolean isIdmap(String option) {
    return "idmap".equals(option) || "ridmap".equals(option);
  }

  static boolean hasIdmap(Mount m) {
    return m.options() != null && m.options().stream().anyMatch(IdmapOptions::isIdmap);
  }
}
