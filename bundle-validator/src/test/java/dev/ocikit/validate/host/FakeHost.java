package dev.ocikit.validate.host;

import dev.ocikit.spec.json.StrictJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A host described by a JSON file (a rule fixture's host.json): every property left out is a
 * question the host cannot answer.
 *
 * <pre>{@code
 * {"lastCapability": 40, "filesystems": ["proc", "tmpfs"],
 *  "cgroups": {"version": 2, "controllers": ["cpu", "memory"]},
 *  "networkInterfaces": ["lo", "eth0"], "namespaceKinds": ["mnt", "pid"], "seccomp": true,
 *  "files": {"/usr/bin/hook": "EXECUTABLE"}}
 * }</pre>
 */
public final class FakeHost implements Host {
  private final JsonNode facts;
  private final Map<String, FileKind> files = new HashMap<>();

  private FakeHost(JsonNode facts) {
    this.facts = facts;
    facts.path("files").properties().forEach(e -> files.put(e.getKey(), kind(e.getValue())));
  }

  /** Reads a host description. */
  public static FakeHost read(Path json) throws IOException {
    return new FakeHost(StrictJson.reader().read(json).root());
  }

  @Override
  public OptionalInt lastCapability() {
    JsonNode n = facts.get("lastCapability");
    return n == null ? OptionalInt.empty() : OptionalInt.of(n.asInt());
  }

  @Override
  public Optional<Set<String>> filesystems() {
    return set(facts.get("filesystems"));
  }

  @Override
  public Optional<Cgroups> cgroups() {
    JsonNode c = facts.get("cgroups");
    if (c == null) {
      return Optional.empty();
    }
    Set<String> controllers = set(c.get("controllers")).orElse(Set.of());
    int version = c.path("version").asInt();
    Set<String> unified =
        set(c.get("unifiedControllers")).orElse(version == 2 ? controllers : Set.of());
    return Optional.of(new Cgroups(version, controllers, unified));
  }

  @Override
  public Optional<Set<String>> networkInterfaces() {
    return set(facts.get("networkInterfaces"));
  }

  @Override
  public Optional<Set<String>> namespaceKinds() {
    return set(facts.get("namespaceKinds"));
  }

  @Override
  public Optional<Boolean> seccomp() {
    JsonNode n = facts.get("seccomp");
    return n == null ? Optional.empty() : Optional.of(n.asBoolean());
  }

  @Override
  public FileKind fileAt(String path) {
    return files.getOrDefault(path, FileKind.UNKNOWN);
  }

  private static Optional<Set<String>> set(JsonNode array) {
    if (array == null) {
      return Optional.empty();
    }
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asString()));
    return Optional.of(out);
  }

  private static FileKind kind(JsonNode n) {
    return FileKind.valueOf(n.asString());
  }
}
