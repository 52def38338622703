package dev.ocikit.conformance.suite;

/**
 * Thrown when a step a test relies on (creating a valid container, starting it) fails, so the
 * property under test cannot be judged. The runner turns it into a failure, or into a skip when the
 * runtime could not run even a trivial container on this host.
 */
public final class Unmet extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Unmet(String message) {
    super(message);
  }
}
