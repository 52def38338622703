package dev.ocikit.validate.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.ocikit.spec.DocumentType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The compiled schemas of every {@link DocumentType}. Schemas compile once per JVM; validating is
 * thread-safe.
 */
public final class SchemaCatalog {
  /** Our schema ids start with this; it maps to the classpath where spec-model packs them. */
  public static final String ID_PREFIX = "https://ocikit.dev/schemas/";

  /** Built on first use, so {@link #warmUp} can hand even this work to its thread. */
  private static final class Registry {
    static final SchemaRegistry INSTANCE =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b ->
                b.nodeReader(new StrictNodeReader())
                    .schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:schemas/"))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder()
                            .pathType(PathType.JSON_POINTER)
                            .formatAssertionsEnabled(false)
                            .build()));
  }

  private static final Map<DocumentType, Schema> COMPILED = new EnumMap<>(DocumentType.class);

  private SchemaCatalog() {}

  /** {@return the violations of {@code root} against the schema of {@code type}} */
  public static List<SchemaViolation> validate(DocumentType type, JsonNode root) {
    List<Error> errors = schema(type).validate(root);
    java.util.Set<String> pointersWithRealErrors = new java.util.HashSet<>();
    for (Error e : errors) {
      if (!isNullBranch(e)) {
        pointersWithRealErrors.add(pointer(e));
      }
    }
    List<SchemaViolation> out = new ArrayList<>();
    for (Error e : errors) {
      // For a nullable value ("anyOf": [X, null]) the failed null branch only adds noise.
      if (isNullBranch(e) && pointersWithRealErrors.contains(pointer(e))) {
        continue;
      }
      out.add(
          new SchemaViolation(
              e.getKeyword(),
              pointer(e),
              message(e),
              SchemaSpecUrls.of(type, e),
              SchemaSpecUrls.requirements(type, e)));
    }
    return out;
  }

  /**
   * Compiles the schemas of {@code types}, in order, on a background daemon thread, so a command
   * line tool can overlap them with its own start-up; {@link #validate} waits for a schema that is
   * still compiling.
   */
  public static void warmUp(DocumentType... types) {
    DocumentType[] todo = types.clone();
    Thread t =
        new Thread(
            () -> {
              for (DocumentType type : todo) {
                schema(type);
              }
            },
            "ocikit-schema-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** Compiles the schema of {@code type} now unless already done; validating then never waits. */
  public static void compile(DocumentType type) {
    schema(type);
  }

  private static synchronized Schema schema(DocumentType type) {
    return COMPILED.computeIfAbsent(
        type,
        t -> {
          String id = ID_PREFIX + t.schemaResource().substring("schemas/".length());
          Schema s = Registry.INSTANCE.getSchema(SchemaLocation.of(id));
          s.initializeValidators();
          return s;
        });
  }

  private static boolean isNullBranch(Error e) {
    JsonNode schema = e.getSchemaNode();
    return "type".equals(e.getKeyword())
        && schema != null
        && schema.isString()
        && schema.asString().equals("null");
  }

  private static String pointer(Error e) {
    String p = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
    return p.equals("/") ? "" : p;
  }

  private static String message(Error e) {
    String m = e.getMessage();
    // The library prefixes the instance location; our findings carry it separately.
    String prefix = pointer(e) + ": ";
    if (m.startsWith(prefix)) {
      m = m.substring(prefix.length());
    } else if (m.startsWith(": ")) {
      m = m.substring(2);
    }
    return m;
  }
}
