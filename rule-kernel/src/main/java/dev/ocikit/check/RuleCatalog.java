package dev.ocikit.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every rule of the modules on the class or module path, from their {@link RuleSource}s. Thread
 * safe; loaded once.
 */
public final class RuleCatalog {
  /**
   * One check and its kind.
   *
   * @param rule what it is
   * @param kind what kind of check it is
   */
  public record Entry(RuleInfo rule, CheckKind kind) {}

  private static volatile Map<String, Entry> byId;

  private RuleCatalog() {}

  /** {@return every known rule, sorted by id} */
  public static List<RuleInfo> all() {
    return index().values().stream().map(Entry::rule).toList();
  }

  /** {@return every known rule with its kind, sorted by id} */
  public static List<Entry> entries() {
    return List.copyOf(index().values());
  }

  /**
   * {@return the rule with {@code id}, if a loaded source declares it}
   *
   * @param id a rule id, e.g. {@code process.cwd.absolute}
   */
  public static Optional<RuleInfo> find(String id) {
    return Optional.ofNullable(index().get(id)).map(Entry::rule);
  }

  private static Map<String, Entry> index() {
    Map<String, Entry> m = byId;
    if (m == null) {
      synchronized (RuleCatalog.class) {
        m = byId;
        if (m == null) {
          m = load();
          byId = m;
        }
      }
    }
    return m;
  }

  private static Map<String, Entry> load() {
    Map<String, Entry> m = new TreeMap<>();
    List<String> clashes = new ArrayList<>();
    for (RuleSource source :
        ServiceLoader.load(RuleSource.class, RuleCatalog.class.getClassLoader())) {
      for (RuleInfo r : source.rules()) {
        Entry e = new Entry(r, source.kind());
        Entry before = m.putIfAbsent(r.id(), e);
        if (before != null && !before.equals(e)) {
          clashes.add(r.id());
        }
      }
    }
    if (!clashes.isEmpty()) {
      // Two modules giving one id different meanings is a build error, not a user's problem.
      throw new IllegalStateException("check ids declared twice with different data: " + clashes);
    }
    return Collections.unmodifiableMap(m);
  }
}
