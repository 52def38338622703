package dev.ocikit.validate.schema;

import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.spec.json.JsonSyntaxException;
import dev.ocikit.spec.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Version awareness for runtime-spec configs: reads the declared {@code ociVersion} and finds
 * properties that the schemas mark {@code x-since} a later version than the one declared.
 */
public final class VersionCheck {
  /** The newest runtime-spec version this toolkit knows. */
  public static final SpecVersion NEWEST = new SpecVersion(1, 3, 0);

  /** The first release this toolkit validates against: runtime-spec 1.0.0. */
  public static final SpecVersion OLDEST = new SpecVersion(1, 0, 0);

  private static final Pattern SEMVER =
      Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:[-+].*)?$");
  private static final Map<String, JsonNode> SCHEMAS = new HashMap<>();

  /**
   * A release number; pre-release and build suffixes are dropped ({@code 1.1.0-rc.1} counts as
   * 1.1.0).
   *
   * @param major major
   * @param minor minor
   * @param patch patch
   */
  public record SpecVersion(int major, int minor, int patch) implements Comparable<SpecVersion> {
    /** Parses {@code text}; null when it is not a SemVer string. */
    public static SpecVersion parse(String text) {
      Matcher m = SEMVER.matcher(text == null ? "" : text);
      if (!m.matches()) {
        return null;
      }
      try {
        return new SpecVersion(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      } catch (NumberFormatException tooLong) {
        return null;
      }
    }

    @Override
    public int compareTo(SpecVersion o) {
      int c = Integer.compare(major, o.major);
      c = c != 0 ? c : Integer.compare(minor, o.minor);
      return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
      return major + "." + minor + "." + patch;
    }
  }

  /**
   * A property used in a document that declares an older version than the one that added it.
   *
   * @param pointer where the property is
   * @param since the version that added it
   */
  public record NewerField(String pointer, String since) {}

  private VersionCheck() {}

  /**
   * Whether {@code text} (a SemVer string) comes before {@link #OLDEST} in SemVer precedence: a 0.x
   * version, or a pre-release of 1.0.0 such as {@code 1.0.0-rc5} (a build suffix such as {@code
   * +dev} does not count).
   */
  public static boolean isBeforeOldest(String text) {
    SpecVersion v = SpecVersion.parse(text);
    if (v == null) {
      return false;
    }
    int c = v.compareTo(OLDEST);
    if (c != 0) {
      return c < 0;
    }
    int plus = text.indexOf('+');
    int dash = text.indexOf('-');
    return dash >= 0 && (plus < 0 || dash < plus);
  }

  /**
   * {@code version} parsed, when it is a release (or pre-release) from {@link #OLDEST} to {@link
   * #NEWEST}.
   *
   * @param what names the value in the message, e.g. {@code --oci-version}
   * @throws IllegalArgumentException with one line naming {@code what} and the rule otherwise
   */
  public static SpecVersion requireSupported(String version, String what) {
    SpecVersion v = SpecVersion.parse(version);
    if (v == null) {
      throw new IllegalArgumentException(
          what + ": '" + version + "' is not a runtime-spec version like 1.0.2");
    }
    if (v.compareTo(OLDEST) < 0 || v.compareTo(NEWEST) > 0) {
      throw new IllegalArgumentException(
          what
              + ": "
              + version
              + " is outside the versions this toolkit knows ("
              + OLDEST
              + " to "
              + NEWEST
              + ")");
    }
    return v;
  }

  /** Properties in {@code config} newer than {@code declared}, walking the config schema. */
  public static List<NewerField> newerFields(JsonNode config, SpecVersion declared) {
    Set<NewerField> out = new LinkedHashSet<>();
    walk(schema("config.schema.json"), "config.schema.json", config, "", declared, out, 0);
    return new ArrayList<>(out);
  }

  private static void walk(
      JsonNode schema,
      String file,
      JsonNode value,
      String pointer,
      SpecVersion declared,
      Set<NewerField> out,
      int depth) {
    if (schema == null || !schema.isObject() || depth > 64) {
      return;
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      int hash = ref.indexOf('#');
      String target = hash < 0 ? ref : ref.substring(0, hash);
      String targetFile = target.isEmpty() ? file : target;
      String fragment = hash < 0 ? "" : ref.substring(hash + 1);
      JsonNode root = schema(targetFile);
      walk(
          fragment.isEmpty() ? root : root.at(fragment),
          targetFile,
          value,
          pointer,
          declared,
          out,
          depth + 1);
    }
    for (String union : List.of("anyOf", "oneOf", "allOf")) {
      for (JsonNode branch : schema.path(union)) {
        walk(branch, file, value, pointer, declared, out, depth + 1);
      }
    }
    if (value.isObject()) {
      JsonNode props = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        String child = JsonPointers.child(pointer, e.getKey());
        JsonNode propSchema = props.get(e.getKey());
        if (propSchema != null) {
          SpecVersion since = SpecVersion.parse(propSchema.path("x-since").asString(""));
          if (since != null && since.compareTo(declared) > 0) {
            out.add(new NewerField(child, since.toString()));
          }
          walk(propSchema, file, e.getValue(), child, declared, out, depth + 1);
        } else if (additional.isObject()) {
          walk(additional, file, e.getValue(), child, declared, out, depth + 1);
        }
      }
    } else if (value.isArray() && schema.has("items")) {
      int i = 0;
      for (JsonNode item : value) {
        walk(schema.get("items"), file, item, pointer + "/" + i++, declared, out, depth + 1);
      }
    }
  }

  private static synchronized JsonNode schema(String file) {
    return SCHEMAS.computeIfAbsent(
        file,
        f -> {
          String resource = "schemas/runtime-spec/" + f;
          try (InputStream in = VersionCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
              throw new IllegalStateException("schema missing from the classpath: " + resource);
            }
            return StrictJson.reader().read(in.readAllBytes(), resource).root();
          } catch (JsonSyntaxException e) {
            throw new IllegalStateException("packaged schema is not valid JSON: " + e.getMessage());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
