package dev.ocikit.conformance.bundle;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.HookKind;
import dev.ocikit.spec.runtime.Capabilities;
import dev.ocikit.spec.runtime.Hook;
import dev.ocikit.spec.runtime.Linux;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Edits a test's config through the project's {@link ConfigGenerator} over the typed {@link
 * RuntimeConfig}. Each test describes its intent as a few edits on top of {@link DefaultConfig};
 * the harness later judges against {@link #snapshot()}, never against what is on disk in the
 * bundle.
 *
 * <p>The shortcuts here are the edits many tests share; anything else goes through {@link
 * #generator()} (typed, validated edits) or {@link #edit(UnaryOperator)} (any value the lenient
 * model can hold, including invalid ones for tests that expect a runtime to refuse them).
 */
public final class ConfigEditor {
  private ConfigGenerator generator;

  ConfigEditor(ConfigGenerator generator) {
    this.generator = generator;
  }

  /** The generator holding the config; valid until the next {@link #edit} or {@link #json}. */
  public ConfigGenerator generator() {
    return generator;
  }

  /** The intended config, the oracle for judging (an immutable value). */
  public RuntimeConfig snapshot() {
    return generator.build();
  }

  /** Replaces the config by {@code edit} of it, for values the generator refuses to write. */
  public ConfigEditor edit(UnaryOperator<RuntimeConfig> edit) {
    generator = ConfigGenerator.from(edit.apply(generator.build()));
    return this;
  }

  /** {@link #edit} of {@code linux}. */
  public ConfigEditor editLinux(UnaryOperator<Linux> edit) {
    return edit(
        c -> c.withLinux(edit.apply(c.linux() == null ? Linux.builder().build() : c.linux())));
  }

  /** Edits the JSON form, e.g. to add properties the model cannot name (unknown-property tests). */
  public ConfigEditor json(UnaryOperator<ObjectNode> edit) {
    return edit(c -> RuntimeConfig.fromJson(edit.apply(c.toJson())));
  }

  /** Sets {@code process.args}. */
  public ConfigEditor args(String... args) {
    generator.process().args(args);
    return this;
  }

  /** Runs {@code script} with busybox sh inside the container. */
  public ConfigEditor shell(String script) {
    return args("/bin/sh", "-c", script);
  }

  /** Sets one {@code NAME=value} in {@code process.env}, replacing an earlier value of NAME. */
  public ConfigEditor env(String nameEqualsValue) {
    int eq = nameEqualsValue.indexOf('=');
    generator.process().env(nameEqualsValue.substring(0, eq), nameEqualsValue.substring(eq + 1));
    return this;
  }

  /** Sets {@code process.cwd}. */
  public ConfigEditor cwd(String cwd) {
    generator.process().cwd(cwd);
    return this;
  }

  /** Sets the hostname; null removes it (a runtime may refuse one without a UTS namespace). */
  public ConfigEditor hostname(String hostname) {
    generator.hostname(hostname);
    return this;
  }

  /** Sets uid, gid, added supplementary groups and, when not null, the umask. */
  public ConfigEditor user(int uid, int gid, List<Integer> additionalGids, Integer umask) {
    generator.process().user(uid, gid);
    generator.process().additionalGids(additionalGids.stream().mapToLong(i -> i).toArray());
    if (umask != null) {
      generator.process().umask(umask);
    }
    return this;
  }

  /**
   * Sets all five capability sets to exactly {@code caps}, unchecked (so a test can name one the
   * kernel lacks). Ambient and inheritable matter for a non-root user: without them the kernel
   * clears permitted and effective at execve.
   */
  public ConfigEditor capabilities(String... caps) {
    List<String> l = Arrays.asList(caps);
    Capabilities c =
        Capabilities.builder()
            .bounding(l)
            .effective(l)
            .permitted(l)
            .inheritable(l)
            .ambient(l)
            .build();
    return edit(cfg -> cfg.withProcess(cfg.process().withCapabilities(c)));
  }

  /** Sets the rlimit {@code type}, replacing one of the same type (note: soft before hard). */
  public ConfigEditor rlimit(String type, long soft, long hard) {
    generator.process().rlimit(type, hard, soft);
    return this;
  }

  /** Sets {@code process.oomScoreAdj}. */
  public ConfigEditor oomScoreAdj(int value) {
    generator.process().oomScoreAdj(value);
    return this;
  }

  /** Sets {@code process.noNewPrivileges}. */
  public ConfigEditor noNewPrivileges(boolean value) {
    generator.process().noNewPrivileges(value);
    return this;
  }

  /** Sets {@code root.readonly}. */
  public ConfigEditor readonlyRoot(boolean readonly) {
    generator.rootReadonly(readonly);
    return this;
  }

  /** Appends a mount (applied in list order). */
  public ConfigEditor mount(String dest, String type, String source, String... options) {
    generator.mounts().add(dest, type, source, options);
    return this;
  }

  /** Appends a hook to {@code hooks.<phase>}; args[0] is conventionally the program name. */
  public ConfigEditor hook(String phase, String path, List<String> args, List<String> env) {
    Hook h =
        Hook.builder().path(path).args(args).env(env.isEmpty() ? null : List.copyOf(env)).build();
    generator.hooks().add(hookKind(phase), h);
    return this;
  }

  static HookKind hookKind(String phase) {
    for (HookKind k : HookKind.values()) {
      if (k.jsonName().equals(phase)) {
        return k;
      }
    }
    throw new IllegalArgumentException("no hook phase " + phase);
  }

  /** Adds or replaces an annotation. */
  public ConfigEditor annotation(String key, String value) {
    generator.annotation(key, value);
    return this;
  }

  /** Sets a {@code linux.sysctl} entry. */
  public ConfigEditor sysctl(String key, String value) {
    generator.linuxSettings().sysctl(key, value);
    return this;
  }

  /** Adds a {@code linux.maskedPaths} entry. */
  public ConfigEditor maskedPath(String path) {
    generator.linuxSettings().maskedPath(path);
    return this;
  }

  /** Adds a {@code linux.readonlyPaths} entry. */
  public ConfigEditor readonlyPath(String path) {
    generator.linuxSettings().readonlyPath(path);
    return this;
  }

  /**
   * Replaces {@code linux.namespaces}: each key is a namespace type, each value a path to join or
   * null for a new namespace. Iteration order of the map is kept; unknown types are written as they
   * are.
   */
  public ConfigEditor namespaces(Map<String, String> typeToPath) {
    generator.linuxSettings().clearNamespaces();
    typeToPath.forEach(
        (type, path) -> generator.linuxSettings().namespace(NamespaceType.of(type), path));
    return this;
  }
}
