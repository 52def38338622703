package dev.ocikit.validate;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Location;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.json.JsonSyntaxException;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.validate.registry.RuleRegistry;
import dev.ocikit.validate.rules.CoreRules;
import dev.ocikit.validate.rules.DocumentRule;
import dev.ocikit.validate.schema.SchemaCatalog;
import dev.ocikit.validate.schema.SchemaViolation;
import dev.ocikit.validate.schema.VersionCheck;
import dev.ocikit.validate.schema.VersionCheck.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Validates single OCI documents (runtime-spec config, state, features; image-spec descriptor,
 * manifest, index, config, oci-layout) at the schema level: strict JSON, the schema written from
 * the spec, and spec-version awareness for configs.
 *
 * <pre>{@code
 * ValidationResult r = new DocumentValidator(ValidationOptions.DEFAULT).validate(Path.of("index.json"));
 * }</pre>
 *
 * <p>Thread-safe: an instance holds only its immutable options; each call has its own finding sink,
 * and the compiled schemas it shares are built once under a lock.
 */
public final class DocumentValidator {
  private final ValidationOptions options;

  /**
   * A validator with the given options.
   *
   * @param options the fail level and platform in force
   */
  public DocumentValidator(ValidationOptions options) {
    this.options = options;
  }

  /**
   * Validates a file, detecting its type from the content.
   *
   * @param file the document to validate
   * @return the findings; a file that is not JSON or not an OCI document is a finding
   * @throws IOException if the file is missing or cannot be read
   */
  public ValidationResult validate(Path file) throws IOException {
    return validate(file, null);
  }

  /**
   * Validates a file as {@code type}, or detects the type when null.
   *
   * @param file the document to validate
   * @param type the document type, or null to detect it
   * @return the findings
   * @throws NoSuchFileException if the file does not exist (a usage error, not a finding)
   */
  public ValidationResult validate(Path file, DocumentType type) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    FindingSink sink = new FindingSink(options);
    Parsed parsed = parse(file, type, sink);
    if (parsed.type() != null) {
      checkParsed(parsed, sink);
    }
    String typeId = parsed.type() == null ? "unknown" : parsed.type().id();
    return new ValidationResult(file.toString(), typeId, sink.findings());
  }

  /**
   * A parsed document and its detected type; both null when the bytes were not strict JSON (the
   * sink then holds the reason).
   *
   * @param document the located tree
   * @param type the type used for validation
   */
  public record Parsed(JsonDocument document, DocumentType type) {}

  /**
   * Parses and validates {@code bytes}, reporting into {@code sink}; used by bundle checks too.
   *
   * @param bytes the document's bytes
   * @param source its name, for findings
   * @param type the document type, or null to detect it
   * @param sink where the findings go
   * @return the parsed document and its type, either null when parsing failed
   */
  public Parsed check(byte[] bytes, String source, DocumentType type, FindingSink sink) {
    Parsed parsed = parse(bytes, source, type, sink);
    if (parsed.type() != null) {
      checkParsed(parsed, sink);
    }
    return parsed;
  }

  /**
   * Parses {@code bytes} and detects the type (unless given), reporting syntax errors and an
   * unknown type into {@code sink}; {@link #checkParsed} then applies the schema and rules.
   *
   * @param bytes the document's bytes
   * @param source its name, for findings
   * @param type the document type, or null to detect it
   * @param sink where syntax and type findings go
   * @return the parsed document and its type, either null when parsing failed
   */
  public Parsed parse(byte[] bytes, String source, DocumentType type, FindingSink sink) {
    try {
      return typed(StrictJson.reader().read(bytes, source), type, sink);
    } catch (JsonSyntaxException e) {
      return refused(e, sink);
    }
  }

  /**
   * As {@link #parse(byte[], String, DocumentType, FindingSink)} for a file, read by {@link
   * StrictJson#read(Path)}: no further than the size limit, and only if it is a regular file.
   *
   * @param file the document to read
   * @param type the document type, or null to detect it
   * @param sink where syntax and type findings go
   * @return the parsed document and its type, either null when parsing failed
   * @throws IOException if the file cannot be read (a special file, no permission): not a finding
   */
  public Parsed parse(Path file, DocumentType type, FindingSink sink) throws IOException {
    try {
      return typed(StrictJson.reader().read(file), type, sink);
    } catch (JsonSyntaxException e) {
      return refused(e, sink);
    }
  }

  private static Parsed refused(JsonSyntaxException e, FindingSink sink) {
    sink.add(ruleOf(e), location(e), e.reason());
    return new Parsed(null, null);
  }

  private static Parsed typed(JsonDocument doc, DocumentType type, FindingSink sink) {
    DocumentType t = type != null ? type : DocumentType.detect(doc.root()).orElse(null);
    if (t == null) {
      sink.report(
          CoreRules.DOCUMENT_TYPE,
          doc,
          "",
          "cannot tell which OCI document this is (no mediaType, ociVersion, schemaVersion,"
              + " imageLayoutVersion…); name it with --type");
      return new Parsed(doc, null);
    }
    return new Parsed(doc, t);
  }

  /**
   * Applies the schema, the version checks and the document rules to a parsed document.
   *
   * @param parsed the document and type {@code parse} returned
   * @param sink where the findings go
   */
  public void checkParsed(Parsed parsed, FindingSink sink) {
    JsonDocument doc = parsed.document();
    DocumentType t = parsed.type();
    for (SchemaViolation v : SchemaCatalog.validate(t, doc.root())) {
      String spec = v.specUrl() != null ? v.specUrl() : t.specUrl();
      sink.report(
          CoreRules.schemaRule(v.keyword(), spec), doc, v.pointer(), v.message(), v.requirements());
    }
    if (t == DocumentType.RUNTIME_CONFIG) {
      checkVersion(doc, sink);
    }
    checkDocumentRules(doc, t, sink);
  }

  /**
   * The semantic rules of state, features and image-spec documents (config rules run in
   * BundleValidator).
   */
  private void checkDocumentRules(JsonDocument doc, DocumentType t, FindingSink sink) {
    String platform = sink.options().platform() != null ? sink.options().platform() : "linux";
    for (DocumentRule rule : RuleRegistry.documentRules()) {
      if (rule.checks(t) && rule.info().platform().appliesTo(platform)) {
        rule.check(doc, sink);
      }
    }
  }

  private static void checkVersion(JsonDocument doc, FindingSink sink) {
    String text = doc.root().path("ociVersion").asString("");
    SpecVersion declared = SpecVersion.parse(text);
    if (declared == null) {
      return; // the schema's pattern already reports it
    }
    if (VersionCheck.isBeforeOldest(text)) {
      // No sentence forbids an old config, so this names the range instead of failing the run.
      sink.report(
          CoreRules.VERSION_OLDER,
          doc,
          "/ociVersion",
          "advice: ociVersion "
              + text
              + " comes before runtime-spec "
              + VersionCheck.OLDEST
              + "; this toolkit validates configs from "
              + VersionCheck.OLDEST
              + " to "
              + VersionCheck.NEWEST
              + ", so it checks this one against "
              + VersionCheck.NEWEST
              + " rules, which a pre-1.0 config may not follow");
    } else if (declared.major() != 1) {
      sink.report(
          CoreRules.VERSION_MAJOR,
          doc,
          "/ociVersion",
          "ociVersion "
              + text
              + " declares major version "
              + declared.major()
              + "; this validator knows runtime-spec 1.x (1.0.0 to "
              + VersionCheck.NEWEST
              + ")");
      return;
    }
    if (declared.compareTo(VersionCheck.NEWEST) > 0) {
      sink.report(
          CoreRules.VERSION_NEWER,
          doc,
          "/ociVersion",
          "ociVersion "
              + text
              + " is newer than "
              + VersionCheck.NEWEST
              + ", the newest runtime-spec this validator knows; checked against "
              + VersionCheck.NEWEST
              + " rules");
      return;
    }
    for (VersionCheck.NewerField f : VersionCheck.newerFields(doc.root(), declared)) {
      sink.report(
          CoreRules.FIELD_NEWER,
          doc,
          f.pointer(),
          "this property was added in runtime-spec "
              + f.since()
              + " but ociVersion declares "
              + text
              + "; a runtime of that version may ignore it");
    }
  }

  private static dev.ocikit.check.RuleInfo ruleOf(JsonSyntaxException e) {
    return switch (e.kind()) {
      case ENCODING -> CoreRules.JSON_ENCODING;
      case DUPLICATE_KEY -> CoreRules.JSON_DUPLICATE_KEY;
      case TRAILING_CONTENT -> CoreRules.JSON_TRAILING;
      case LIMIT -> CoreRules.JSON_LIMIT;
      case SYNTAX -> CoreRules.JSON_SYNTAX;
    };
  }

  private static Location location(JsonSyntaxException e) {
    return new Location(
        e.source(),
        e.pointer(),
        e.location() == null ? null : e.location().line(),
        e.location() == null ? null : e.location().column());
  }
}
