package dev.ocikit.validate.schema;

import com.networknt.schema.Error;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.requirement.RequirementCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The spec link of a schema finding: the {@code x-spec-url} nearest to the failing keyword. First
 * along the way the validator took from the document's root schema, through every {@code $ref} (a
 * user's uid → config.md#posix-platform-user, though its range is a shared integer definition);
 * failing that, the nearest above the keyword in its own schema file, else that file's page.
 */
final class SchemaSpecUrls {
  private static final Map<String, String> LINKS = new ConcurrentHashMap<>();
  private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();
  private static final Map<String, List<String>> REQUIREMENTS = new ConcurrentHashMap<>();

  /**
   * Keywords whose next evaluation-path token names a member's schema; {@code items} and {@code
   * additionalProperties} are such a schema themselves.
   */
  private static final java.util.Set<String> VALUE_STEPS =
      java.util.Set.of("properties", "patternProperties", "prefixItems");

  private SchemaSpecUrls() {}

  /**
   * The requirements enforced where {@code e} failed: those the catalog names at the deepest schema
   * location on the validator's way to the failing keyword (through every {@code $ref}).
   */
  static List<String> requirements(DocumentType type, Error e) {
    if (e.getEvaluationPath() == null) {
      return List.of();
    }
    String root = type.schemaResource().substring("schemas/".length());
    String path = e.getEvaluationPath().toString();
    return REQUIREMENTS.computeIfAbsent(root + " " + path, k -> deepestRequirements(root, path));
  }

  /**
   * Only schema locations at or below the failing value count: a requirement catalogued on an
   * enclosing object (its required members, say) is not what a bad uid breaks.
   */
  private static List<String> deepestRequirements(String rootFile, String evaluationPath) {
    Walk w = Walk.document(rootFile);
    int value = 0; // index in w.visited of the schema of the failing value
    String previous = "";
    for (String token : evaluationPath.split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      boolean ok = token.equals("$ref") ? w.followRef() : w.step(token);
      if (!ok) {
        break;
      }
      if (VALUE_STEPS.contains(previous)
          || token.equals("items")
          || token.equals("additionalProperties")) {
        value = w.visited.size() - 1;
      }
      previous = token;
    }
    RequirementCatalog catalog = RequirementCatalog.shipped();
    for (int i = w.visited.size() - 1; i >= value; i--) {
      List<String> ids = catalog.forSchemaLocation(w.visited.get(i));
      if (!ids.isEmpty()) {
        return ids;
      }
    }
    return List.of();
  }

  /** The link for {@code e}, found while validating a document of {@code type}; null if none. */
  static String of(DocumentType type, Error e) {
    if (e.getEvaluationPath() != null) {
      String root = type.schemaResource().substring("schemas/".length());
      String path = e.getEvaluationPath().toString();
      String url = LINKS.computeIfAbsent(root + " " + path, k -> alongEvaluation(root, path));
      if (!url.isEmpty()) {
        return url;
      }
    }
    if (e.getSchemaLocation() == null || e.getSchemaLocation().getAbsoluteIri() == null) {
      return null;
    }
    String iri = e.getSchemaLocation().getAbsoluteIri().toString();
    if (!iri.startsWith(SchemaCatalog.ID_PREFIX)) {
      return null;
    }
    String file = iri.substring(SchemaCatalog.ID_PREFIX.length());
    String pointer = e.getSchemaLocation().getFragment().toString();
    String url = LINKS.computeIfAbsent(file + "#" + pointer, k -> atLocation(file, pointer));
    return url.isEmpty() ? null : url;
  }

  /** Walks an evaluation path, following $ref; "" when the walk loses its way. */
  private static String alongEvaluation(String rootFile, String evaluationPath) {
    Walk w = Walk.document(rootFile);
    for (String token : evaluationPath.split("/")) {
      boolean ok = token.isEmpty() || (token.equals("$ref") ? w.followRef() : w.step(token));
      if (!ok) {
        return "";
      }
    }
    return w.url;
  }

  private static String atLocation(String file, String pointer) {
    Walk w = Walk.document(file);
    w.steps(pointer);
    return w.url;
  }

  /** A position in one of our schema files, and the nearest x-spec-url met on the way there. */
  private static final class Walk {
    private String file;
    private JsonNode node;
    private String url = "";
    private String pointer = "";

    /** Every schema location passed, {@code <file>#<pointer>}, in order. */
    private final List<String> visited = new ArrayList<>();

    /** At the root of {@code file}, whose own x-spec-url (its page) is the first link. */
    static Walk document(String file) {
      Walk w = new Walk();
      w.file = file;
      w.node = load(file);
      w.pointer = "";
      w.take();
      return w;
    }

    /** Into the schema that the {@code $ref} here names; false if there is none. */
    boolean followRef() {
      String ref = node.path("$ref").asString(null);
      if (ref == null) {
        return false;
      }
      int hash = ref.indexOf('#');
      String target = hash < 0 ? ref : ref.substring(0, hash);
      if (!target.isEmpty()) {
        file = file.substring(0, file.lastIndexOf('/') + 1) + target;
      }
      node = load(file);
      pointer = "";
      if (hash < 0) {
        take(); // a whole document: its page
        return !node.isMissingNode();
      }
      return steps(ref.substring(hash + 1)); // a definition: links on the way to it, not the page
    }

    /** Follows every token of a JSON pointer; false once it leads nowhere. */
    boolean steps(String pointer) {
      for (String token : pointer.split("/")) {
        if (!token.isEmpty() && !step(token)) {
          return false;
        }
      }
      return true;
    }

    /** One JSON pointer step: a member name, or an index into an array ("anyOf/1"). */
    boolean step(String token) {
      if (node.isArray()) {
        try {
          node = node.path(Integer.parseInt(token));
        } catch (NumberFormatException e) {
          node = MissingNode.getInstance();
        }
      } else {
        node = node.path(token.replace("~1", "/").replace("~0", "~"));
      }
      pointer = pointer + "/" + token;
      take();
      return !node.isMissingNode();
    }

    private void take() {
      visited.add(file + "#" + pointer);
      url = node.path("x-spec-url").asString(url);
    }
  }

  private static JsonNode load(String file) {
    return FILES.computeIfAbsent(file, SchemaSpecUrls::read);
  }

  private static JsonNode read(String file) {
    try (InputStream in =
        SchemaSpecUrls.class.getClassLoader().getResourceAsStream("schemas/" + file)) {
      return in == null
          ? MissingNode.getInstance()
          : StrictJson.reader().read(in.readAllBytes(), file).root();
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
