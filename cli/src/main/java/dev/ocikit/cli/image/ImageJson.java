package dev.ocikit.cli.image;

import dev.ocikit.image.BundleResult;
import dev.ocikit.image.ImageReference;
import dev.ocikit.image.ResolvedImage;
import dev.ocikit.image.UnpackedImage;
import dev.ocikit.spec.OcikitVersion;
import dev.ocikit.spec.image.Descriptor;
import dev.ocikit.spec.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code --format json} output of {@code unpack} and {@code bundle}: one object saying what was
 * written and what was verified on the way (fields in docs/image-tools.md). Only a successful run
 * has one; a failure is one line on standard error and the exit code, as in text.
 */
final class ImageJson {
  private ImageJson() {}

  /** What {@code unpack} wrote. */
  static String unpack(ImageArgument arg, Path dest, UnpackedImage u) {
    return text(common("unpack", arg, dest, u));
  }

  /** What {@code bundle} wrote. */
  static String bundle(ImageArgument arg, BundleResult r) {
    ObjectNode o = common("bundle", arg, r.bundle(), r.unpacked());
    o.put("config", r.bundle().resolve("config.json").toString());
    ObjectNode process = o.putObject("process");
    ArrayNode args = process.putArray("args");
    if (r.config().process() != null && r.config().process().args() != null) {
      r.config().process().args().forEach(args::add);
    }
    return text(o);
  }

  private static ObjectNode common(String command, ImageArgument arg, Path dest, UnpackedImage u) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    OcikitVersion v = OcikitVersion.build();
    ObjectNode tool = o.putObject("tool");
    tool.put("name", "oci-tool " + command);
    tool.put("version", v.version());
    tool.put("commit", v.commit());
    o.set("image", image(arg.reference()));
    o.put("destination", dest.toString());
    o.put("rootfs", u.rootfs().toString());
    ResolvedImage img = u.image();
    ObjectNode manifest = descriptor(o.putObject("manifest"), img.manifestDescriptor());
    if (img.refName() == null) {
      manifest.putNull("refName");
    } else {
      manifest.put("refName", img.refName());
    }
    descriptor(o.putObject("imageConfig"), img.manifest().config());
    ArrayNode layers = o.putArray("layers");
    List<Descriptor> ds = img.manifest().layers();
    List<String> diffIds = img.config().rootfs().diffIds();
    // Counted by the applier; a library caller's UnpackedImage may come without them.
    boolean counted = u.layerEntries().size() == ds.size();
    long total = 0;
    for (int i = 0; i < ds.size(); i++) {
      ObjectNode l = descriptor(layers.addObject(), ds.get(i));
      l.put("diffId", diffIds.get(i));
      if (counted) {
        l.put("entries", u.layerEntries().get(i));
        total += u.layerEntries().get(i);
      }
      // Reaching here means the blob digest, its size and the DiffID were all checked on the
      // stream: any mismatch fails the command before this is written.
      l.put("verified", true);
    }
    if (counted) {
      o.put("entries", total);
    }
    ArrayNode warnings = o.putArray("warnings");
    u.warnings().forEach(warnings::add);
    return o;
  }

  private static ObjectNode image(ImageReference r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("reference", r.toString());
    if (r.transport() == null) {
      o.putNull("transport");
    } else {
      o.put("transport", r.transport());
    }
    o.put("path", r.path().toString());
    o.put("kind", r.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (r.ref() == null) {
      o.putNull("ref");
    } else {
      o.put("ref", r.ref());
    }
    return o;
  }

  private static ObjectNode descriptor(ObjectNode o, Descriptor d) {
    o.put("digest", d.digest());
    o.put("mediaType", d.mediaType());
    if (d.size() != null) {
      o.put("size", d.size());
    }
    return o;
  }

  private static String text(ObjectNode o) {
    return new String(JsonWriter.pretty(o), StandardCharsets.UTF_8);
  }
}
