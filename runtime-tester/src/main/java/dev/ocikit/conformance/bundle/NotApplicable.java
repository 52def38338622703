package dev.ocikit.conformance.bundle;

/**
 * A test asked for something the run's mode cannot give (a cgroup limit, a device node, a second
 * uid when running rootless): the test is skipped with {@link #getMessage()} as its reason, never
 * failed, because no runtime could pass it in that mode.
 */
public final class NotApplicable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param reason the whole skip reason, starting with the mode, e.g. {@code not applicable
   *     rootless: …}
   */
  public NotApplicable(String reason) {
    super(reason, null, false, false);
  }
}
