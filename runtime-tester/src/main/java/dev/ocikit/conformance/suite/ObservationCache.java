package dev.ocikit.conformance.suite;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Holds observations made inside containers, one per scenario and runtime, so that many small tests
 * can judge a single container run (a JVM start costs far more than a comparison).
 */
public final class ObservationCache {
  private final ConcurrentMap<String, Object> byScenario = new ConcurrentHashMap<>();

  /** Runs {@code make} once per key; a failure is cached and rethrown to every later caller. */
  synchronized <T> T get(String key, ThrowingSupplier<T> make) throws Exception {
    Object v = byScenario.get(key);
    if (v == null) {
      try {
        v = make.get();
      } catch (Unmet e) {
        v = e;
      }
      byScenario.put(key, v);
    }
    if (v instanceof Unmet u) {
      throw new Unmet(u.getMessage());
    }
    @SuppressWarnings("unchecked")
    T t = (T) v;
    return t;
  }

  /** A supplier that may throw, for making an observation. */
  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
