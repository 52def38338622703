package dev.ocikit.validate;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Location;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.model.JsonShapeException;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.validate.DocumentValidator.Parsed;
import dev.ocikit.validate.host.Host;
import dev.ocikit.validate.registry.RuleRegistry;
import dev.ocikit.validate.rules.BundleRules;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Validates a runtime bundle (a directory with config.json and the root filesystem) or a lone
 * config.json: strict JSON, schema, spec version, then every registered semantic rule.
 *
 * <pre>{@code
 * ValidationResult r = BundleValidator.validate(Path.of("bundle"), ValidationOptions.DEFAULT);
 * r.findings().forEach(f -> System.out.println(f.ruleId() + " " + f.message()));
 * }</pre>
 *
 * <p>The library's one shape (docs/architecture.md): a stateless class whose static entry points
 * take an immutable {@link ValidationOptions}. Thread-safe: no call keeps state for the next, and
 * each collects its findings in its own sink, so many bundles can be checked from many threads at
 * once. Host-specific rules ({@link ValidationOptions#hostSpecific()}) look at this machine.
 */
public final class BundleValidator {
  private final ValidationOptions options;
  private final DocumentValidator documents;
  private final Host host;

  /**
   * A validator whose host-specific rules look at {@code host} (a fake in tests) instead of this
   * machine. Package-private: {@link Host} is not exported, so only tests on the class path reach
   * it, through their factory in this package.
   */
  BundleValidator(ValidationOptions options, Host host) {
    this.options = Objects.requireNonNull(options, "options");
    this.documents = new DocumentValidator(options);
    this.host = Objects.requireNonNull(host, "host");
  }

  /**
   * Validates the bundle directory {@code bundle}.
   *
   * @param bundle the bundle directory, holding config.json and (usually) the root filesystem
   * @param options the fail level, the platform and whether host-specific rules run
   * @return every finding, in a stable order; a missing config.json is a finding, not an error
   * @throws NoSuchFileException if {@code bundle} does not exist or is not a directory
   * @throws IOException if its config.json cannot be read (a FIFO or device, no permission)
   */
  public static ValidationResult validate(Path bundle, ValidationOptions options)
      throws IOException {
    return new BundleValidator(options, Host.system()).validateBundle(bundle);
  }

  /**
   * Validates a config.json alone: rules that need the bundle directory are skipped.
   *
   * @param configFile the config.json to check
   * @param options the fail level, the platform and whether host-specific rules run
   * @return every finding, in a stable order
   * @throws IOException if the file cannot be read (missing, a FIFO or device, no permission)
   */
  public static ValidationResult validateConfig(Path configFile, ValidationOptions options)
      throws IOException {
    return new BundleValidator(options, Host.system()).validateConfigFile(configFile);
  }

  /**
   * Validates a config already parsed (as {@link DocumentValidator#parse(Path, DocumentType,
   * FindingSink)} returns it) into {@code sink}, with the sink's options. Public for the one
   * validation facade ({@code OciValidator}), which reads a file once to learn what it is and must
   * not read it again to check it. Rules that need the bundle directory are skipped.
   *
   * @param parsed the parsed config; nothing is checked if it could not be parsed
   * @param sink where the findings go; its options decide levels and platform
   */
  public static void checkConfig(DocumentValidator.Parsed parsed, FindingSink sink) {
    if (parsed.document() == null) {
      return;
    }
    BundleValidator v = new BundleValidator(sink.options(), Host.system());
    v.checkRules(parsed.document(), null, sink);
    v.documents.checkParsed(parsed, sink);
  }

  /** Host-aware entry point for tests with a fake {@link Host}. */
  ValidationResult validateBundle(Path bundle) throws IOException {
    if (!Files.isDirectory(bundle)) {
      throw new NoSuchFileException(bundle.toString(), null, "not a bundle directory");
    }
    FindingSink sink = new FindingSink(options);
    Path config = bundle.resolve("config.json");
    if (!Files.exists(config, LinkOption.NOFOLLOW_LINKS)) {
      sink.add(
          BundleRules.CONFIG_PRESENT,
          Location.file(config.toString()),
          "no config.json at the root of the bundle " + bundle);
    } else {
      check(config, bundle, sink);
    }
    return new ValidationResult(bundle.toString(), "bundle", sink.findings());
  }

  ValidationResult validateConfigFile(Path configFile) throws IOException {
    FindingSink sink = new FindingSink(options);
    check(configFile, null, sink);
    return new ValidationResult(
        configFile.toString(), DocumentType.RUNTIME_CONFIG.id(), sink.findings());
  }

  private void check(Path configFile, Path bundle, FindingSink sink) throws IOException {
    Parsed parsed = documents.parse(configFile, DocumentType.RUNTIME_CONFIG, sink);
    JsonDocument doc = parsed.document();
    if (doc == null) {
      return;
    }
    // Semantic rules first: a command line run compiles the schema on another thread meanwhile.
    checkRules(doc, bundle, sink);
    documents.checkParsed(parsed, sink);
  }

  private void checkRules(JsonDocument doc, Path bundle, FindingSink sink) {
    RuntimeConfig config;
    try {
      config = RuntimeConfig.fromJson(doc.root());
    } catch (JsonShapeException notAnObject) {
      return; // the schema reports the root's type
    }
    String platform = options.platform() != null ? options.platform() : platformOf(config);
    ConfigContext ctx = new ConfigContext(doc, config, bundle, platform, sink, host);
    for (ConfigRule rule : RuleRegistry.configRules()) {
      if (rule.info().platform().appliesTo(platform)) {
        rule.check(ctx);
      }
    }
  }

  /**
   * The platform a config targets, from the platform object it carries; Linux by default.
   *
   * @param config the config to look at
   * @return {@code windows}, {@code solaris}, {@code zos}, {@code freebsd}, {@code vm} or {@code
   *     linux}
   */
  public static String platformOf(RuntimeConfig config) {
    if (config.windows() != null) {
      return "windows";
    }
    if (config.solaris() != null) {
      return "solaris";
    }
    if (config.zos() != null) {
      return "zos";
    }
    if (config.freebsd() != null) {
      return "freebsd";
    }
    if (config.vm() != null && config.linux() == null) {
      return "vm";
    }
    return "linux";
  }
}
