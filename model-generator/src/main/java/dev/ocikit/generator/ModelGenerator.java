package dev.ocikit.generator;

import dev.ocikit.generator.TypeSpecs.EnumSpec;
import dev.ocikit.generator.TypeSpecs.RecordSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Generates the Java model from the JSON Schemas: one package per spec folder, one record per
 * object type, one open enum per string enum. Run by spec-model's build in generate-sources.
 *
 * <p>Usage: {@code ModelGenerator SCHEMAS_DIR OUTPUT_DIR}.
 */
public final class ModelGenerator {
  /** Spec folder under schemas/ → Java package of its generated types. */
  static final Map<String, String> PACKAGES =
      Map.of("runtime-spec", "dev.ocikit.spec.runtime", "image-spec", "dev.ocikit.spec.image");

  private ModelGenerator() {}

  /**
   * Entry point for the build.
   *
   * @param args the schemas directory and the output source root
   * @throws IOException if a schema cannot be read or a source cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ModelGenerator SCHEMAS_DIR OUTPUT_DIR");
    }
    Path schemas = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int count = 0;
    for (Map.Entry<String, String> e : PACKAGES.entrySet()) {
      Path folder = schemas.resolve(e.getKey());
      if (Files.isDirectory(folder)) {
        count += generate(folder, e.getValue(), out);
      }
    }
    System.out.println("[ocikit] generated " + count + " model types from " + schemas);
  }

  /** Generates one folder's package; returns the number of types written. */
  static int generate(Path folder, String pkg, Path out) throws IOException {
    SchemaSet set = SchemaSet.load(folder);
    TypeResolver resolver = new TypeResolver(set);
    for (Map.Entry<String, JsonNode> f : set.files().entrySet()) {
      resolver.resolveDocument(f.getKey(), f.getValue());
    }
    for (Map.Entry<String, JsonNode> f : set.files().entrySet()) {
      resolver.resolveDefinitions(f.getKey(), f.getValue());
    }
    Path dir = out.resolve(pkg.replace('.', '/'));
    Files.createDirectories(dir);
    // A type renamed in a schema must not leave its old class behind.
    try (Stream<Path> old = Files.list(dir)) {
      for (Path p : old.filter(p -> p.toString().endsWith(".java")).toList()) {
        Files.delete(p);
      }
    }
    for (RecordSpec r : resolver.records()) {
      writeAtomically(dir.resolve(r.name() + ".java"), RecordWriter.write(pkg, r));
    }
    for (EnumSpec en : resolver.enums()) {
      writeAtomically(dir.resolve(en.name() + ".java"), EnumWriter.write(pkg, en));
    }
    return resolver.records().size() + resolver.enums().size();
  }

  private static void writeAtomically(Path target, String source) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, source, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
