package dev.ocikit.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.ocikit.fuzz.Sections.Section;
import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the committed seed corpora ({@code seed-*} files under {@code
 * fuzz/src/test/resources/dev/ocikit/fuzz/<Target>Inputs/<method>/}) from {@code testdata/} and
 * from the hostile inputs of the unit tests. Run by {@code scripts/fuzz.sh --seeds}; kept findings
 * ({@code crash-*}, {@code timeout-*}…) are left alone.
 */
final class SeedCorpus {
  private static final String SAMPLE_CONFIG =
      "b6c833eedd96832b7552b940585eb07b03b8cca859292af5bfddbbebec935831";
  private static final String SAMPLE_LAYER_1 =
      "a88d6d52e34e2a2532050dd39abef7fd177622c1204e8c6b0654c30af9add7cb";
  private static final String SAMPLE_LAYER_2 =
      "8ba362f51247e578811ac9efa7565e97238841441abb98a15b50b62e89e32a7c";

  private final Path resources;
  private final Path testdata;

  private SeedCorpus(Path checkout) {
    this.resources = checkout.resolve("fuzz/src/test/resources/dev/ocikit/fuzz");
    this.testdata = checkout.resolve("testdata");
  }

  public static void main(String[] args) throws IOException {
    SeedCorpus seeds = new SeedCorpus(Checkout.root());
    seeds.jsonDocuments();
    seeds.digestsAndMediaTypes();
    LayerSeeds.write(
        seeds.fresh("LayerFuzzTestInputs/validateAndApply"),
        List.of(seeds.sampleBlob(SAMPLE_LAYER_1), seeds.sampleBlob(SAMPLE_LAYER_2)));
    seeds.layouts();
    seeds.configs();
  }

  /** Every document of testdata/, valid and invalid, and the rules' failing configs. */
  private void jsonDocuments() throws IOException {
    Path dir = fresh("JsonDocumentFuzzTestInputs/readBindAndWriteBack");
    List<String> skipped = List.of("expected.json", "good.json", "host.json");
    List<Path> files;
    try (Stream<Path> s = Files.walk(testdata)) {
      files =
          s.filter(p -> p.toString().endsWith(".json"))
              .filter(p -> !skipped.contains(p.getFileName().toString()))
              .sorted()
              .toList();
    }
    for (Path f : files) {
      Files.copy(f, dir.resolve("seed-" + testdata.relativize(f).toString().replace('/', '-')));
    }
  }

  private void digestsAndMediaTypes() throws IOException {
    Path dir = fresh("DigestMediaTypeFuzzTestInputs/parsePrintParse");
    String hex = "e3224e06cac0db7cc3821114b66ea6d47ad08e34bcdcb9771059d3f693da5d39";
    List<String> values =
        List.of(
            "sha256:" + hex,
            "sha512:" + hex + hex,
            "blake3:" + hex,
            "sha256:" + hex.toUpperCase(java.util.Locale.ROOT),
            "sha256:" + hex.substring(1),
            "multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8",
            "a.b_c-d+e:A=b_c-D",
            "SHA256:abc",
            "sha256::",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.layer.v1.tar+zstd",
            "application/vnd.docker.image.rootfs.diff.tar.gzip",
            "text/plain; charset=\"utf-8\"; q=\"a\\\"b\\\\c\"",
            "Application/VND.OCI.Image.Index.V1+JSON;Profile=x;a=\"\"",
            "application/json ;\ta=\"tab\tin\"");
    for (int i = 0; i < values.size(); i++) {
      Files.writeString(dir.resolve("seed-" + i), values.get(i));
    }
  }

  private void layouts() throws IOException {
    Path dir = fresh("ImageLayoutFuzzTestInputs/validateResolveAndUnpack");
    // The sample image: index.json -> manifest (blob 0) -> config (1) and two gzip layers (2, 3).
    write(
        dir,
        "seed-sample",
        """
        === oci-layout
        {"imageLayoutVersion":"1.0.0"}
        === index.json
        {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",
        "digest":"<<D0>>","size":<<S0>>,"annotations":{"org.opencontainers.image.ref.name":"v1"}}]}
        === blob
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{
        "mediaType":"application/vnd.oci.image.config.v1+json","digest":"<<D1>>","size":<<S1>>},
        "layers":[
        {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"<<D2>>","size":<<S2>>},
        {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"<<D3>>","size":<<S3>>}]}
        """,
        sampleBlob(SAMPLE_CONFIG),
        sampleBlob(SAMPLE_LAYER_1),
        sampleBlob(SAMPLE_LAYER_2));
    // A nested index choosing by platform, down to one empty plain-tar layer (blob 3).
    write(
        dir,
        "seed-nested-index",
        """
        === oci-layout
        {"imageLayoutVersion":"1.0.0"}
        === index.json
        {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.index.v1+json",
        "digest":"<<D0>>","size":<<S0>>,"annotations":{"org.opencontainers.image.ref.name":"v1"}}]}
        === blob
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
        {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"<<D1>>","size":<<S1>>,
        "platform":{"os":"linux","architecture":"arm64","variant":"v8"}},
        {"mediaType":"application/vnd.docker.distribution.manifest.v2+json","digest":"<<D1>>",
        "size":<<S1>>,"platform":{"os":"linux","architecture":"amd64"}}]}
        === blob
        {"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json",
        "digest":"<<D2>>","size":<<S2>>},"layers":[
        {"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"<<D3>>","size":<<S3>>}]}
        === blob
        {"architecture":"arm64","os":"linux","variant":"v8","rootfs":{"type":"layers","diff_ids":[
        "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef"]}}
        """,
        new byte[1024]);
    // An index that names itself through an unverifiable digest (its size right, so it is read),
    // beside a missing blob and a wrong size.
    String cycle =
        """
        {"schemaVersion":2,"manifests":[
        {"mediaType":"application/vnd.oci.image.index.v1+json","digest":"x:cycle","size":SIZE}]}""";
    cycle = cycle.replace("SIZE", Integer.toString(cycle.length() - 1));
    write(
        dir,
        "seed-cycle-missing-wrong-size",
        """
        === oci-layout
        {"imageLayoutVersion":"1.0.0"}
        === index.json
        {"schemaVersion":2,"manifests":[
        {"mediaType":"application/vnd.oci.image.index.v1+json","digest":"x:cycle","size":SIZE},
        {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"<<D7>>","size":2},
        {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"<<D0>>","size":3}]}
        === blob
        {}
        === blob x:cycle
        """
                .replace("SIZE", Integer.toString(cycle.length()))
            + cycle);
  }

  private void configs() throws IOException {
    Path dir = fresh("ConfigConversionFuzzTestInputs/convert");
    String rootfs =
        """
        === file etc/passwd
        # comment
        root:x:0:0::/root:/bin/sh
        app:x:1000:1001::/home/app:/bin/sh
        broken:x:notanumber:1
        === file etc/group
        root:x:0:
        staff:x:50:app,other
        appgrp:x:1001:
        === dir data
        """;
    String sample = new String(sampleBlob(SAMPLE_CONFIG), UTF_8);
    write(dir, "seed-sample", "=== config\n" + sample + "\n" + rootfs);
    String config =
        """
        === config
        {"architecture":"amd64","os":"linux","config":{"User":"USER","Cmd":["sh"],
        "WorkingDir":"work","Env":["A=1"],"Volumes":{"/data":{},"/etc/passwd/x":{}},
        "Labels":{"k":"v"},"StopSignal":"SIGTERM","ExposedPorts":{"80/tcp":{}}},
        "rootfs":{"type":"layers","diff_ids":[]}}
        === options mapped
        """;
    List<String> users =
        List.of("app", "1000", "app:staff", "1000:50", "4242:appgrp", ":staff", "99999999999");
    for (String user : users) {
      write(dir, "seed-user-" + user.replace(':', '_'), config.replace("USER", user) + rootfs);
    }
    String outsider =
        """
        === config
        {"os":"linux","config":{"User":"outsider","Entrypoint":["/bin/sh"],"Volumes":{"/v":{}}}}
        === options rootless
        """;
    String s = Outside.fixed().toString();
    write(
        dir,
        "seed-passwd-absolute",
        outsider + "=== symlink etc/passwd\n" + s + "/passwd\n=== symlink v\n" + s + "\n");
    write(dir, "seed-passwd-relative", outsider + "=== symlink etc\n../../../../../.." + s + "\n");
    write(dir, "seed-passwd-loop", outsider + "=== symlink etc/passwd\npasswd\n");
  }

  private byte[] sampleBlob(String hex) throws IOException {
    return Files.readAllBytes(testdata.resolve("images/sample/blobs/sha256/" + hex));
  }

  /**
   * Writes a {@link Sections} container: {@code head}, then each blob as a {@code blob} section.
   */
  private static void write(Path dir, String name, String head, byte[]... blobs)
      throws IOException {
    List<Section> sections = new ArrayList<>(Sections.parse(head.strip().getBytes(UTF_8)));
    for (byte[] b : blobs) {
      sections.add(new Section("blob", "", b));
    }
    byte[] joined = Sections.join(sections);
    List<Section> back = Sections.parse(joined);
    for (int i = 0; i < sections.size(); i++) {
      if (back.size() != sections.size()
          || !Arrays.equals(back.get(i).content(), sections.get(i).content())) {
        throw new IllegalStateException(
            name + ": section " + i + " does not survive the container");
      }
    }
    Files.write(dir.resolve(name), joined);
  }

  /** The inputs directory of a target, its old seeds removed (kept findings stay). */
  private Path fresh(String relative) throws IOException {
    Path dir = Files.createDirectories(resources.resolve(relative));
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.getFileName().toString().startsWith("seed-")) {
          Files.delete(p);
        }
      }
    }
    return dir;
  }
}
