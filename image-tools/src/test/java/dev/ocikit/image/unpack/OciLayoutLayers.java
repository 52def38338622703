package dev.ocikit.image.unpack;

import dev.ocikit.spec.mediatype.Compression;
import dev.ocikit.spec.mediatype.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test-only reader: the layers of the first manifest of an OCI image layout, in order. */
final class OciLayoutLayers {
  private OciLayoutLayers() {}

  static List<LayerSource> of(Path layout) throws IOException {
    JsonMapper json = new JsonMapper();
    JsonNode index = json.readTree(Files.readString(layout.resolve("index.json")));
    JsonNode manifest =
        json.readTree(Files.readString(blob(layout, index.get("manifests").get(0))));
    List<LayerSource> out = new ArrayList<>();
    for (JsonNode l : manifest.get("layers")) {
      Path p = blob(layout, l);
      Compression c = MediaType.parse(l.get("mediaType").asString()).compression();
      out.add(new LayerSource(l.get("digest").asString(), c, () -> Files.newInputStream(p)));
    }
    return out;
  }

  private static Path blob(Path layout, JsonNode descriptor) {
    String[] d = descriptor.get("digest").asString().split(":", 2);
    return layout.resolve("blobs").resolve(d[0]).resolve(d[1]);
  }
}
