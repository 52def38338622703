package dev.ocikit.validate.schema;

/**
 * One schema keyword a document fails.
 *
 * @param keyword the JSON Schema keyword (required, type, pattern, enum, minimum…)
 * @param pointer JSON pointer of the failing value (for required: the object missing a property)
 * @param message what is wrong, in words
 * @param specUrl the spec page of the schema file holding the failed keyword, or null
 * @param requirements ids of the catalogued requirements the failed schema location enforces
 */
public record SchemaViolation(
    String keyword,
    String pointer,
    String message,
    String specUrl,
    java.util.List<String> requirements) {}
