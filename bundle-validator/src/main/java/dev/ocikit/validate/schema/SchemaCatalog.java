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
  private static final Map<String, String> SPEC_URLS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final Map<String, JsonNode> SCHEMA_FILES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private SchemaCatalog() {}

  /** Returns the violations of {@code root} against the schema of {@code type}. */
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
      out.add(new SchemaViolation(e.getKeyword(), pointer(e), message(e), specUrl(type, e)));
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

  /**
   * The x-spec-url nearest to the failing keyword on the way the validator took to it from the
   * document's root schema, through every {@code $ref} (a user's uid →
   * config.md#posix-platform-user, though its range is a shared integer definition); failing that,
   * the nearest above the keyword in its own schema file.
   */
  private static String specUrl(DocumentType type, Error e) {
    if (e.getEvaluationPath() != null) {
      String rootFile = type.schemaResource().substring("schemas/".length());
      String key = rootFile + " " + e.getEvaluationPath();
      String url = SPEC_URLS.computeIfAbsent(key, k -> alongEvaluationPath(rootFile, e));
      if (!url.isEmpty()) {
        return url;
      }
    }
    return specUrlAtLocation(e);
  }

  /** Walks the evaluation path, following $ref; "" when the walk loses its way. */
  private static String alongEvaluationPath(String rootFile, Error e) {
    String file = rootFile;
    JsonNode node = SCHEMA_FILES.computeIfAbsent(file, SchemaCatalog::readSchemaFile);
    if (node == null) {
      return "";
    }
    String url = node.path("x-spec-url").asString("");
    for (String token : e.getEvaluationPath().toString().split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      if (token.equals("$ref")) {
        String ref = node.path("$ref").asString(null);
        if (ref == null) {
          return "";
        }
        int hash = ref.indexOf('#');
        String target = hash < 0 ? ref : ref.substring(0, hash);
        if (!target.isEmpty()) {
          file = file.substring(0, file.lastIndexOf('/') + 1) + target;
        }
        node = SCHEMA_FILES.computeIfAbsent(file, SchemaCatalog::readSchemaFile);
        if (node == null) {
          return "";
        }
        if (hash < 0) {
          url = node.path("x-spec-url").asString(url); // a whole document: its page
        } else {
          for (String t : ref.substring(hash + 1).split("/")) {
            if (!t.isEmpty()) {
              node = child(node, t);
              url = node.path("x-spec-url").asString(url);
            }
          }
        }
      } else {
        node = child(node, token);
        url = node.path("x-spec-url").asString(url);
      }
      if (node.isMissingNode()) {
        return "";
      }
    }
    return url;
  }

  /** One JSON pointer step: a member name, or an index into an array ("anyOf/1"). */
  private static JsonNode child(JsonNode node, String pointerToken) {
    if (node.isArray()) {
      try {
        return node.path(Integer.parseInt(pointerToken));
      } catch (NumberFormatException e) {
        return tools.jackson.databind.node.MissingNode.getInstance();
      }
    }
    return node.path(pointerToken.replace("~1", "/").replace("~0", "~"));
  }

  /** The x-spec-url nearest above the failing keyword in its schema file, else the file's. */
  private static String specUrlAtLocation(Error e) {
    if (e.getSchemaLocation() == null || e.getSchemaLocation().getAbsoluteIri() == null) {
      return null;
    }
    String iri = e.getSchemaLocation().getAbsoluteIri().toString();
    if (!iri.startsWith(ID_PREFIX)) {
      return null;
    }
    String fragment = e.getSchemaLocation().getFragment().toString();
    return SPEC_URLS.computeIfAbsent(
        iri.substring(ID_PREFIX.length()) + "#" + fragment, SchemaCatalog::readSpecUrl);
  }

  private static String readSpecUrl(String fileAndPointer) {
    int hash = fileAndPointer.indexOf('#');
    String file = fileAndPointer.substring(0, hash);
    JsonNode node = SCHEMA_FILES.computeIfAbsent(file, SchemaCatalog::readSchemaFile);
    if (node == null) {
      return null;
    }
    String url = node.path("x-spec-url").asString(null);
    String pointer = fileAndPointer.substring(hash + 1);
    for (String token : pointer.split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      node = child(node, token);
      String here = node.path("x-spec-url").asString(null);
      if (here != null) {
        url = here;
      }
    }
    return url;
  }

  private static JsonNode readSchemaFile(String file) {
    try (var in = SchemaCatalog.class.getClassLoader().getResourceAsStream("schemas/" + file)) {
      return in == null
          ? null
          : dev.ocikit.spec.json.StrictJson.reader().read(in.readAllBytes(), file).root();
    } catch (java.io.IOException e) {
      return null;
    }
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
