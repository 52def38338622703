package dev.ocikit.validate.rules;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Location;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.runtime.LinuxCPU;
import dev.ocikit.spec.runtime.LinuxMemory;
import dev.ocikit.spec.runtime.LinuxResources;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.validate.host.Host;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a {@link ConfigRule} sees: the located document, its typed model, the bundle directory when
 * validating a bundle, and the platform whose rules apply.
 */
public final class ConfigContext {
  private final JsonDocument document;
  private final RuntimeConfig config;
  private final Path bundle;
  private final String platform;
  private final FindingSink sink;
  private final Host host;

  /** Creates a context; {@code bundle} is null when only a config file is validated. */
  public ConfigContext(
      JsonDocument document,
      RuntimeConfig config,
      Path bundle,
      String platform,
      FindingSink sink,
      Host host) {
    this.host = host;
    this.document = document;
    this.config = config;
    this.bundle = bundle;
    this.platform = platform;
    this.sink = sink;
  }

  /** {@return the located JSON tree of config.json} */
  public JsonDocument document() {
    return document;
  }

  /** {@return the typed config (values that do not fit their type are absent here)} */
  public RuntimeConfig config() {
    return config;
  }

  /** linux.resources of the config, or null when the config has none. */
  public LinuxResources resources() {
    return config.linux() == null ? null : config.linux().resources();
  }

  /** linux.resources.cpu of the config, or null when any part of that path is absent. */
  public LinuxCPU cpu() {
    LinuxResources r = resources();
    return r == null ? null : r.cpu();
  }

  /** linux.resources.memory of the config, or null when any part of that path is absent. */
  public LinuxMemory memory() {
    LinuxResources r = resources();
    return r == null ? null : r.memory();
  }

  /** {@return the bundle directory, when validating a bundle} */
  public Optional<Path> bundle() {
    return Optional.ofNullable(bundle);
  }

  /**
   * {@code linux}, {@code windows}, {@code solaris}, {@code vm}, {@code zos} or {@code freebsd}.
   */
  public String platform() {
    return platform;
  }

  /** {@return the options in force (fail level, host-specific checks…)} */
  public ValidationOptions options() {
    return sink.options();
  }

  /** {@return the machine host-specific rules check against} */
  public Host host() {
    return host;
  }

  /** Reports a finding of {@code rule} at {@code pointer} in config.json. */
  public void report(RuleInfo rule, String pointer, String message) {
    sink.report(rule, document, pointer, message);
  }

  /** Reports a finding about a file of the bundle rather than a place in config.json. */
  public void reportFile(RuleInfo rule, String file, String message) {
    sink.add(rule, Location.file(file), message);
  }
}
