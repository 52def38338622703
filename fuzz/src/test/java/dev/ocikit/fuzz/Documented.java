package dev.ocikit.fuzz;

import java.util.List;

/**
 * The oracle shared by the targets: a call on untrusted input either returns or throws one of the
 * exception types its API documents for bad input. Anything else escapes to Jazzer as a finding: an
 * undocumented exception, an error ({@code StackOverflowError}, {@code OutOfMemoryError}), and also
 * a documented exception that wraps a JDK runtime exception (a {@code NullPointerException}, an
 * {@code IndexOutOfBoundsException}…) raised in our own code: a bug the wrapping would hide.
 */
final class Documented {
  /** A call on untrusted input. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws Exception;
  }

  private Documented() {}

  /**
   * Runs {@code call}; returns its result, or null when it refused the input with one of {@code
   * documented}.
   */
  static <T> T orRefused(Call<T> call, List<Class<? extends Exception>> documented)
      throws Exception {
    try {
      return call.run();
    } catch (Exception e) {
      if (!documented.stream().anyMatch(type -> type.isInstance(e)) || wrapsOwnBug(e)) {
        throw e;
      }
      if (e.getMessage() == null || e.getMessage().isBlank()) {
        throw new AssertionError("refused without saying why", e);
      }
      return null;
    }
  }

  /**
   * Whether a cause of {@code e} is a JDK runtime exception that our code threw or provoked. Our
   * own runtime exception types ({@code InvalidDigestException}…) are deliberate and may be
   * wrapped.
   */
  private static boolean wrapsOwnBug(Throwable e) {
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      boolean ownType = c.getClass().getName().startsWith("dev.ocikit.");
      if (c instanceof RuntimeException && !ownType && thrownByOwnCode(c)) {
        return true;
      }
    }
    return false;
  }

  /** The first frame outside the JDK is ours (not a library's such as commons-compress). */
  private static boolean thrownByOwnCode(Throwable t) {
    for (StackTraceElement f : t.getStackTrace()) {
      String c = f.getClassName();
      if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
        continue;
      }
      return c.startsWith("dev.ocikit.") && !c.startsWith("dev.ocikit.fuzz.");
    }
    return false;
  }
}
