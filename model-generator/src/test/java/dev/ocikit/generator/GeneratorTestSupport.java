package dev.ocikit.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes schemas into a temporary folder, runs the generator and inspects or compiles what it
 * wrote.
 */
abstract class GeneratorTestSupport {
  static final String PKG = "com.example.gen";

  @TempDir Path tmp;

  /** Writes schema files (name → JSON text) into a folder of {@link #tmp}. */
  Path schemas(Map<String, String> files) throws IOException {
    Path folder = tmp.resolve("schemas/spec");
    Files.createDirectories(folder);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(folder.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    return folder;
  }

  /** Generates and returns every source written, by simple class name. */
  Map<String, String> generate(Map<String, String> files) throws IOException {
    Path out = tmp.resolve("out");
    int count = ModelGenerator.generate(schemas(files), PKG, out);
    Map<String, String> sources = new TreeMap<>();
    Path dir = out.resolve(PKG.replace('.', '/'));
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        assertTrue(name.endsWith(".java"), "unexpected file " + name);
        sources.put(name.substring(0, name.length() - 5), Files.readString(p));
      }
    }
    assertEquals(count, sources.size(), "count returned vs files written: " + sources.keySet());
    return sources;
  }

  static String doc(String title, String properties) {
    return "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"title\": \""
        + title
        + "\", \"type\": \"object\", \"properties\": "
        + properties
        + "}";
  }

  static String defs(String defs) {
    return "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$defs\": "
        + defs
        + "}";
  }

  static void assertComponent(String source, String type, String name) {
    assertTrue(
        source.contains("    " + type + " " + name + ",\n"),
        () -> "no component `" + type + " " + name + "` in\n" + source);
  }

  /** Compiles one self-contained generated source (enums need nothing from spec-model). */
  void assertCompiles(String className, String source) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertTrue(compiler != null, "tests need a JDK");
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + PKG.replace('.', '/') + "/" + className + ".java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    StringWriter diagnostics = new StringWriter();
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    boolean ok =
        compiler
            .getTask(
                diagnostics,
                null,
                null,
                List.of("-d", classes.toString(), "-Xlint:none"),
                null,
                List.of(file))
            .call();
    assertTrue(ok, () -> className + " does not compile:\n" + diagnostics + "\n" + source);
  }
}
