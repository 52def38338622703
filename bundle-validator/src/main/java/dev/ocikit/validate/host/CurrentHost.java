package dev.ocikit.validate.host;

/**
 * The per-thread host override behind {@link Host#using}. BundleValidator takes no Host argument
 * (its constructor is shared API); until it does, this is how a fake host reaches the rules.
 */
final class CurrentHost {
  static final ThreadLocal<Host> OVERRIDE = new ThreadLocal<>();

  private CurrentHost() {}
}
