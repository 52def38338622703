package dev.ocikit.generate;

import dev.ocikit.spec.runtime.Hook;
import dev.ocikit.spec.runtime.Hooks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits of {@code hooks}: append hooks per lifecycle point, then give the last one added (or every
 * hook with a given path) an environment or a timeout.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#posix-platform-hooks">config.md#posix-platform-hooks</a>
 */
public final class HookSettings {
  private final ConfigGenerator g;

  HookSettings(ConfigGenerator g) {
    this.g = g;
  }

  private HookSettings edit(HookKind kind, UnaryOperator<List<Hook>> e) {
    Hooks current = g.build().hooks();
    Hooks h = current == null ? Hooks.builder().build() : current;
    List<Hook> list = e.apply(kind.get(h));
    g.update(c -> c.withHooks(kind.set(h, list)));
    return this;
  }

  /**
   * Appends {@code hook} to the {@code kind} list (hooks run in list order).
   *
   * @param kind the lifecycle point the hook runs at
   * @param hook the hook to append
   * @return these settings, for chaining
   */
  public HookSettings add(HookKind kind, Hook hook) {
    return edit(kind, l -> ListEdits.append(l, hook));
  }

  /**
   * Appends a hook running {@code path} with {@code args} ({@code args[0]} is argv[0]).
   *
   * @param kind the lifecycle point the hook runs at
   * @param path the absolute path of the program, on the host
   * @param args its arguments, {@code args[0]} included; none for no args
   * @return these settings, for chaining
   */
  public HookSettings add(HookKind kind, String path, String... args) {
    return add(
        kind, Hook.builder().path(path).args(args.length == 0 ? null : List.of(args)).build());
  }

  /**
   * Adds {@code KEY=VALUE} entries to the environment of the last {@code kind} hook, replacing
   * earlier values of the same names.
   *
   * @param kind the lifecycle point whose last hook is changed
   * @param env {@code KEY=VALUE} entries
   * @return these settings, for chaining
   * @throws IllegalStateException if there is no {@code kind} hook
   * @throws IllegalArgumentException if an entry is not {@code KEY=VALUE}
   */
  public HookSettings env(HookKind kind, String... env) {
    return editLast(kind, h -> withEnv(h, env));
  }

  /**
   * Like {@link #env(HookKind, String...)} for every {@code kind} hook whose path is {@code path}.
   *
   * @param kind the lifecycle point whose hooks are changed
   * @param path the program path that picks the hooks
   * @param env {@code KEY=VALUE} entries
   * @return these settings, for chaining
   * @throws IllegalArgumentException if an entry is not {@code KEY=VALUE}
   */
  public HookSettings env(HookKind kind, String path, List<String> env) {
    String[] entries = env.toArray(String[]::new);
    return editWithPath(kind, path, h -> withEnv(h, entries));
  }

  /**
   * Sets the timeout, in seconds, of the last {@code kind} hook.
   *
   * @param kind the lifecycle point whose last hook is changed
   * @param seconds the timeout, more than 0
   * @return these settings, for chaining
   * @throws IllegalStateException if there is no {@code kind} hook
   * @throws IllegalArgumentException if {@code seconds} is not positive (the spec requires > 0)
   */
  public HookSettings timeout(HookKind kind, int seconds) {
    positive(seconds);
    return editLast(kind, h -> h.withTimeout(seconds));
  }

  /**
   * Sets the timeout of every {@code kind} hook whose path is {@code path}.
   *
   * @param kind the lifecycle point whose hooks are changed
   * @param path the program path that picks the hooks
   * @param seconds the timeout, more than 0
   * @return these settings, for chaining
   */
  public HookSettings timeout(HookKind kind, String path, int seconds) {
    positive(seconds);
    return editWithPath(kind, path, h -> h.withTimeout(seconds));
  }

  /**
   * Removes every hook of {@code kind}.
   *
   * @param kind the lifecycle point whose hooks go
   * @return these settings, for chaining
   */
  public HookSettings clear(HookKind kind) {
    return g.build().hooks() == null ? this : edit(kind, l -> null);
  }

  /**
   * Removes all hooks.
   *
   * @return these settings, for chaining
   */
  public HookSettings clearAll() {
    g.update(c -> c.withHooks(null));
    return this;
  }

  private HookSettings editLast(HookKind kind, UnaryOperator<Hook> e) {
    Hooks h = g.build().hooks();
    List<Hook> list = h == null ? null : kind.get(h);
    if (list == null || list.isEmpty()) {
      throw new IllegalStateException("no " + kind.jsonName() + " hook to edit; add one first");
    }
    return edit(
        kind,
        l -> {
          List<Hook> out = new ArrayList<>(l);
          out.set(out.size() - 1, e.apply(out.get(out.size() - 1)));
          return out;
        });
  }

  private HookSettings editWithPath(HookKind kind, String path, UnaryOperator<Hook> e) {
    return edit(
        kind,
        l -> {
          List<Hook> out = new ArrayList<>();
          for (Hook h : l == null ? List.<Hook>of() : l) {
            out.add(path.equals(h.path()) ? e.apply(h) : h);
          }
          return l == null ? null : out;
        });
  }

  private static Hook withEnv(Hook h, String... env) {
    List<String> out = h.env();
    for (String entry : env) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("hook environment entry must be KEY=VALUE: " + entry);
      }
      String prefix = entry.substring(0, eq + 1);
      out = ListEdits.replace(out, x -> x.startsWith(prefix), entry);
    }
    return h.withEnv(out);
  }

  private static void positive(int seconds) {
    if (seconds <= 0) {
      throw new IllegalArgumentException("hook timeout must be > 0 seconds, got " + seconds);
    }
  }
}
