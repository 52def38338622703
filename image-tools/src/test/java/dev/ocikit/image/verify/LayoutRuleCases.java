package dev.ocikit.image.verify;

import static dev.ocikit.image.verify.RuleCase.artifact;
import static dev.ocikit.image.verify.RuleCase.fail;
import static dev.ocikit.image.verify.RuleCase.pass;
import static dev.ocikit.image.verify.TestLayout.EMPTY;
import static dev.ocikit.image.verify.TestLayout.INDEX;
import static dev.ocikit.image.verify.TestLayout.MANIFEST;

import dev.ocikit.image.layout.DescriptorPath;
import dev.ocikit.image.verify.TestLayout.Blob;
import dev.ocikit.spec.digest.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The table's rows for the layout's files, blobs, descriptors and documents. */
final class LayoutRuleCases {
  private LayoutRuleCases() {}

  static List<RuleCase> cases() {
    return List.of(
        pass(
            "a one-image layout",
            l -> l.image("etc/hello"),
            "image.layout.oci-layout.present",
            "image.layout.oci-layout.version",
            "image.layout.index.present",
            "image.layout.blobs.present",
            "image.layout.blob.name",
            "image.blob.present",
            "image.blob.regular-file",
            "image.blob.digest",
            "image.blob.size",
            "image.blob.readable",
            "image.digest.verifiable",
            "image.descriptor.media-type.matches",
            "image.manifest.no-manifests"),
        fail(
            "image.layout.oci-layout.present",
            "no oci-layout at the root of",
            "no oci-layout",
            l -> {
              l.image("a");
              Files.delete(l.root.resolve("oci-layout"));
            }),
        fail(
            "image.layout.oci-layout.version",
            "oci-layout imageLayoutVersion=2.0.0 but this validator knows 1.0.0",
            "a newer layout version",
            l -> {
              l.image("a");
              Files.writeString(l.root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"2.0.0\"}");
            }),
        fail(
            "image.layout.index.present",
            "no index.json at the root of",
            "no index.json",
            l -> {
              l.image("a");
              Files.delete(l.root.resolve("index.json"));
            }),
        pass("an empty blobs directory", l -> l.index(), "image.layout.blobs.present"),
        fail(
            "image.layout.blobs.present",
            "no blobs directory at the root of",
            "no blobs directory",
            l -> {
              l.index();
              Files.delete(l.root.resolve("blobs"));
            }),
        fail(
            "image.layout.blob.name",
            "blobs/sha256/NOTHEX is not named by a digest",
            "a stray file under blobs/sha256",
            l -> {
              l.image("a");
              Files.writeString(l.root.resolve("blobs/sha256/NOTHEX"), "x");
            }),
        fail(
            "image.blob.present",
            "is not in the layout",
            "a layer deleted (a warning)",
            l -> Files.delete(l.root.resolve(layerPath(l, l.image("a"))))),
        fail(
                "image.blob.present",
                "is not in the layout",
                "a layer deleted, all blobs required",
                l -> Files.delete(l.root.resolve(layerPath(l, l.image("a")))))
            .requiringAllBlobs(),
        fail(
            "image.blob.regular-file",
            "is a link, not a regular file",
            "a layer replaced by a symlink",
            l -> {
              Path layer = l.root.resolve(layerPath(l, l.image("a")));
              Path moved = Files.move(layer, l.root.resolve("elsewhere"));
              Files.createSymbolicLink(layer, moved);
            }),
        fail(
            "image.blob.digest",
            " hashes to ",
            "a manifest byte flipped",
            l -> {
              Path file = l.root.resolve(l.image("a").path());
              byte[] b = Files.readAllBytes(file);
              b[b.length - 2] ^= 1;
              Files.write(file, b);
            }),
        fail(
            "image.blob.size",
            "continues past it",
            "bytes appended to the config",
            l -> {
              String json = Files.readString(l.root.resolve(l.image("a").path()));
              String config =
                  json.replaceAll(".*\"config\":\\{[^}]*\"digest\":\"sha256:(\\w+)\".*", "$1");
              Files.writeString(
                  l.root.resolve("blobs/sha256/" + config), " ", StandardOpenOption.APPEND);
            }),
        fail(
            "image.blob.readable",
            "bytes read for a JSON document; not checked",
            "a manifest too large to read",
            l -> {
              Blob real = l.image("a");
              l.index(new Blob(real.digest(), 1L << 40, MANIFEST).descriptor());
            }),
        fail(
            "image.digest.verifiable",
            "uses algorithm md5x, which cannot be computed",
            "an unregistered algorithm",
            l -> {
              Files.createDirectories(l.root.resolve("blobs/md5x"));
              Files.writeString(l.root.resolve("blobs/md5x/abc"), "xyz");
              l.index(
                  "{\"mediaType\":\"application/octet-stream\",\"digest\":\"md5x:abc\",\"size\":3}");
            }),
        pass(
            "an index entry carrying its manifest as data",
            l -> {
              Blob m = l.image("a");
              String data =
                  java.util.Base64.getEncoder()
                      .encodeToString(Files.readAllBytes(l.root.resolve(m.path())));
              l.index(m.descriptor(",\"data\":\"" + data + "\""));
            },
            "image.descriptor.data.matches"),
        fail(
            "image.descriptor.data.matches",
            "manifests[0].data decodes to 2 bytes hashing to ",
            "an index entry whose data is other content",
            l -> l.index(l.image("a").descriptor(",\"data\":\"W10=\""))),
        fail(
                "image.descriptor.media-type.matches",
                " declares mediaType="
                    + INDEX
                    + " but index.json manifests[0].mediaType="
                    + MANIFEST,
                "a manifest that declares itself an index",
                l -> {
                  Blob real = l.image("a");
                  String json = Files.readString(l.root.resolve(real.path()));
                  l.index(l.blob(MANIFEST, json.replace(MANIFEST, INDEX)).descriptor());
                })
            .alongside("schema.const"),
        fail(
            "image.manifest.no-manifests",
            "has a manifests property, as an index would",
            "a manifest with manifests",
            l -> {
              String json = Files.readString(l.root.resolve(l.image("a").path()));
              String ambiguous = json.substring(0, json.length() - 1) + ",\"manifests\":[]}";
              l.index(l.blob(MANIFEST, ambiguous).descriptor());
            }),
        pass(
            "an index nested " + DescriptorPath.MAX_INDEX_DEPTH + " deep",
            l -> nest(l, DescriptorPath.MAX_INDEX_DEPTH),
            "image.index.nesting",
            "image.index.no-config-layers"),
        fail(
            "image.index.nesting",
            "indexes nested more than " + DescriptorPath.MAX_INDEX_DEPTH + " deep",
            "an index nested one too deep",
            l -> nest(l, DescriptorPath.MAX_INDEX_DEPTH + 1)),
        fail(
            "image.index.no-config-layers",
            "has a layers property, as a manifest would",
            "a nested index with layers",
            l -> {
              String json = TestLayout.indexJson(l.image("a").descriptor());
              Blob nested = l.blob(INDEX, json.substring(0, json.length() - 1) + ",\"layers\":[]}");
              l.index(nested.descriptor());
            }),
        pass(
            "an artifact with artifactType, {} config, a subject and an empty layer",
            l -> {
              Blob image = l.image("a");
              Blob empty = l.blob(EMPTY, "{}");
              l.index(
                  image.descriptor(),
                  artifact(l, empty.descriptor(), ",\"subject\":" + image.descriptor())
                      .descriptor());
            },
            "image.manifest.artifact-type.required",
            "image.empty.content",
            "image.subject.present",
            "image.manifest.layers.non-empty"),
        fail(
            "image.manifest.artifact-type.required",
            "config.mediaType=" + EMPTY + " but the manifest has no artifactType",
            "an empty config without artifactType",
            l -> {
              Blob empty = l.blob(EMPTY, "{}");
              String json = "{\"schemaVersion\":2,\"config\":%s,\"layers\":[%<s]}";
              l.index(l.blob(MANIFEST, json.formatted(empty.descriptor())).descriptor());
            }),
        fail(
            "image.empty.content",
            "holds \"{ }\", not {}",
            "an empty-typed layer that is not {}",
            l -> l.index(artifact(l, l.blob(EMPTY, "{ }").descriptor(), "").descriptor())),
        fail(
            "image.subject.present",
            "is not in the layout",
            "a subject outside the layout",
            l -> {
              Blob elsewhere = new Blob(Digest.compute(l.algorithm, "x".getBytes()), 1, MANIFEST);
              Blob empty = l.blob(EMPTY, "{}");
              l.index(
                  artifact(l, empty.descriptor(), ",\"subject\":" + elsewhere.descriptor())
                      .descriptor());
            }),
        fail(
            "image.manifest.layers.non-empty",
            "layers is empty; for portability a manifest lists at least one layer",
            "an artifact without layers",
            l -> l.index(artifact(l, "", "").descriptor())));
  }

  /** The path of the first layer of {@code manifest}. */
  static String layerPath(TestLayout l, Blob manifest) throws IOException {
    String json = Files.readString(l.root.resolve(manifest.path()));
    String d = json.replaceAll(".*\"layers\":\\[\\{[^}]*\"digest\":\"([^\"]+)\".*", "$1");
    return "blobs/" + d.replace(':', '/');
  }

  /** An image below {@code depth} nested indexes. */
  private static void nest(TestLayout l, int depth) throws IOException {
    String inner = l.image("a").descriptor();
    for (int i = 0; i < depth; i++) {
      inner = l.blob(INDEX, TestLayout.indexJson(inner)).descriptor();
    }
    l.index(inner);
  }
}
