package dev.ocikit.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The schema files of one folder (one spec), with {@code $ref} resolution between them. */
final class SchemaSet {
  /** A resolved schema location: file, JSON pointer inside it, and the node there. */
  record Location(String file, String pointer, JsonNode node) {
    String key() {
      return file + "#" + pointer;
    }

    /** The {@code $defs} key when this location is a named definition, else null. */
    String defName() {
      return pointer.startsWith("/$defs/") && pointer.indexOf('/', 7) < 0
          ? pointer.substring(7)
          : null;
    }
  }

  private final Map<String, JsonNode> files = new TreeMap<>();

  static SchemaSet load(Path folder) throws IOException {
    ObjectMapper mapper = JsonMapper.builder().build();
    SchemaSet set = new SchemaSet();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path p : paths.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList()) {
        set.files.put(p.getFileName().toString(), mapper.readTree(p.toFile()));
      }
    }
    return set;
  }

  Map<String, JsonNode> files() {
    return files;
  }

  /** Resolves a {@code $ref} written in {@code fromFile}. */
  Location resolve(String fromFile, String ref) {
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    if (file.isEmpty()) {
      file = fromFile;
    }
    JsonNode root = files.get(file);
    if (root == null) {
      throw new GeneratorException(fromFile + ": $ref " + ref + " names a missing file " + file);
    }
    JsonNode node = pointer.isEmpty() ? root : root.at(pointer);
    if (node == null || node.isMissingNode()) {
      throw new GeneratorException(fromFile + ": $ref " + ref + " points nowhere");
    }
    return new Location(file, pointer, node);
  }
}
