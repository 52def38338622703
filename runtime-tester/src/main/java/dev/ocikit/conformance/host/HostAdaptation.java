package dev.ocikit.conformance.host;

import java.util.List;

/**
 * A change to how the harness runs a runtime on this host, so that a runtime refusing something
 * about the host (not about the bundle) can still be judged. It only changes what the runtime
 * process sees of the host; what a test checks stays the same. Reports name every adaptation a
 * runtime ran with.
 *
 * @param description one sentence for reports, e.g. "private mount namespace without
 *     /sys/fs/cgroup/unified"
 * @param prefix the command put before the runtime's executable; it ends by exec'ing its arguments
 *     (the runtime first)
 */
public record HostAdaptation(String description, List<String> prefix) {
  /**
   * Copies the prefix, so that the adaptation cannot change after it is made.
   *
   * @param description one sentence for reports
   * @param prefix the command put before the runtime's executable, copied
   */
  public HostAdaptation {
    prefix = List.copyOf(prefix);
  }
}
