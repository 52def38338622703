package dev.ocikit.conformance.suite;

import java.io.PrintStream;
import java.util.Map;

/**
 * What the Java part of the scripted runtime's create reads from its caller: environment variables
 * ({@code OCIKIT_*}) and where warnings go. A create served by {@link ScriptedCreateServer} runs in
 * the test JVM on a thread of its own, so the script's values are set for that thread; a create run
 * as a program reads its own environment and stderr.
 */
final class ScriptedEnv {
  private record Call(Map<String, String> env, PrintStream err) {}

  private static final ThreadLocal<Call> CALL = new ThreadLocal<>();

  private ScriptedEnv() {}

  /** {@return the caller's value of {@code name}, or ""} */
  static String get(String name) {
    Call c = CALL.get();
    return c != null ? c.env().getOrDefault(name, "") : System.getenv().getOrDefault(name, "");
  }

  /** {@return the test id whose property the runtime breaks, or ""} */
  static String violation() {
    return get(ScriptedRuntime.VIOLATION_ENV);
  }

  /** {@return where create's warnings and refusals go: the caller's stderr} */
  static PrintStream err() {
    Call c = CALL.get();
    return c != null ? c.err() : System.err;
  }

  /** Runs {@code create} with {@code env} and {@code err} as this thread's caller's. */
  static void with(Map<String, String> env, PrintStream err, Create create) throws Exception {
    CALL.set(new Call(Map.copyOf(env), err));
    try {
      create.run();
    } finally {
      CALL.remove();
    }
  }

  /** A create run on behalf of one script call. */
  @FunctionalInterface
  interface Create {
    void run() throws Exception;
  }
}
