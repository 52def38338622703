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

/**
 * Validates a runtime bundle (a directory with config.json and the root filesystem) or a lone
 * config.json: strict JSON, schema, spec version, then every registered semantic rule.
 *
 * <pre>{@code
 * ValidationResult r = new BundleValidator(ValidationOptions.DEFAULT).validate(Path.of("bundle"));
 * r.findings().forEach(f -> System.out.println(f.ruleId() + " " + f.message()));
 * }</pre>
 *
 * <p>Thread-safe: an instance holds only its immutable options and host, and each call collects its
 * findings in its own sink, so one validator can check many bundles from many threads at once.
 */
public final class BundleValidator {
  private final ValidationOptions options;
  private final DocumentValidator documents;
  private final Host host;

  /** A validator with the given options; {@code --host-specific} rules look at this machine. */
  public BundleValidator(ValidationOptions options) {
    this(options, Host.system());
  }

  /**
   * A validator whose host-specific rules look at {@code host} (another machine's description, or a
   * fake in tests) instead of this one.
   */
  public BundleValidator(ValidationOptions options, Host host) {
    this.options = options;
    this.documents = new DocumentValidator(options);
    this.host = java.util.Objects.requireNonNull(host, "host");
  }

  /**
   * Validates the bundle directory {@code bundle}.
   *
   * @throws NoSuchFileException if {@code bundle} does not exist
   * @throws IOException if its config.json cannot be read (a FIFO or device, no permission)
   */
  public ValidationResult validate(Path bundle) throws IOException {
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

  /**
   * Validates a config.json alone: rules that need the bundle directory are skipped.
   *
   * @throws IOException if the file cannot be read (missing, a FIFO or device, no permission)
   */
  public ValidationResult validateConfig(Path configFile) throws IOException {
    FindingSink sink = new FindingSink(options);
    check(configFile, null, sink);
    return new ValidationResult(
        configFile.toString(), DocumentType.RUNTIME_CONFIG.id(), sink.findings());
  }

  /**
   * Validates a config already parsed (as {@link DocumentValidator#parse(Path, DocumentType,
   * FindingSink)} returns it) into {@code sink}: the document is read once whoever detects what it
   * is. Rules that need the bundle directory are skipped.
   */
  public void checkConfig(DocumentValidator.Parsed parsed, FindingSink sink) {
    if (parsed.document() == null) {
      return;
    }
    checkRules(parsed.document(), null, sink);
    documents.checkParsed(parsed, sink);
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

  /** The platform a config targets, from the platform object it carries; Linux by default. */
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
