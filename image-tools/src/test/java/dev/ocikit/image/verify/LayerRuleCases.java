package dev.ocikit.image.verify;

import static dev.ocikit.image.tar.RawTar.header;
import static dev.ocikit.image.verify.RuleCase.fail;
import static dev.ocikit.image.verify.RuleCase.image;
import static dev.ocikit.image.verify.RuleCase.imageWithConfig;
import static dev.ocikit.image.verify.RuleCase.pass;

import dev.ocikit.image.tar.RawTar;
import dev.ocikit.image.verify.TestLayout.Blob;
import dev.ocikit.spec.digest.Digest;
import java.io.IOException;
import java.util.List;

/** The table's rows for image configs and layers: DiffIDs, platform, tar content, whiteouts. */
final class LayerRuleCases {
  private LayerRuleCases() {}

  private static final String CONFIG =
      "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":%s},"
          + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"%s\"]}}";

  static List<RuleCase> cases() {
    return List.of(
        pass(
            "two layers with their DiffIDs, a platform that agrees, a whiteout of a lower file",
            l -> {
              Blob m = image(l, "", tar("etc/", "etc/a", "etc/b"), tar("etc/", "etc/.wh.a"));
              l.index(m.descriptor(",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}"));
            },
            "image.config.diff-ids.count",
            "image.layer.diff-id",
            "image.index.platform.matches",
            "image.layer.format",
            "image.layer.end-of-archive",
            "image.layer.entry.unique",
            "image.layer.entry.safe-name",
            "image.layer.entry.sparse",
            "image.layer.entry.utf8-name",
            "image.layer.whiteout.named",
            "image.layer.whiteout.lower-only",
            "image.layer.whiteout.target-exists"),
        fail(
            "image.config.diff-ids.count",
            "rootfs.diff_ids has 2 entries but manifest",
            "a config with a DiffID too many",
            l -> {
              byte[] t = tar("a");
              Digest id = Digest.compute(l.algorithm, t);
              Blob layer = l.blob(TestLayout.TAR, t);
              l.index(l.manifest(l.config(List.of(id, id)), List.of(layer), "").descriptor());
            }),
        fail(
            "image.layer.diff-id",
            "decompresses to a tar stream hashing to",
            "a config with another DiffID",
            l -> {
              Blob layer = l.blob(TestLayout.TAR, tar("a"));
              Digest other = Digest.compute(l.algorithm, "other".getBytes());
              l.index(l.manifest(l.config(List.of(other)), List.of(layer), "").descriptor());
            }),
        fail(
            "image.index.platform.matches",
            "platform.architecture=arm64 but config",
            "an index entry for another architecture",
            l ->
                l.index(
                    l.image("a")
                        .descriptor(
                            ",\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\"}"))),
        fail(
            "image.layer.format",
            "does not decompress to a tar archive",
            "a gzip layer that is not gzip",
            l -> {
              Blob layer = l.blob(TestLayout.TAR_GZIP, "not gzip at all".getBytes());
              Digest any = Digest.compute(l.algorithm, new byte[0]);
              l.index(l.manifest(l.config(List.of(any)), List.of(layer), "").descriptor());
            }),
        fail(
            "image.layer.format",
            "the stream ends inside the entry",
            "content cut inside an entry",
            l ->
                image(
                    l, "", java.util.Arrays.copyOf(RawTar.tar().file("a", "hello").bytes(), 514))),
        fail(
            "image.layer.end-of-archive",
            "without the end-of-archive marker (two zero blocks)",
            "a tar writer never closed",
            l -> image(l, "", RawTar.tar().file("a", "hello").bytes())),
        fail(
            "image.layer.entry.unique",
            "appears more than once (as a)",
            "one path twice",
            l -> image(l, "", tar("a", "./a"))),
        fail(
            "image.layer.entry.safe-name",
            "entry \"../evil\" has a .. component",
            "a name climbing out",
            l -> image(l, "", tar("../evil"))),
        fail(
            "image.layer.entry.sparse",
            "a sparse file (GNU type 'S') is not supported",
            "a GNU sparse entry",
            l -> image(l, "", RawTar.tar().file("a", "").add(header("s", 'S', 0)).end().bytes())),
        fail(
            "image.layer.entry.utf8-name",
            "that is not valid UTF-8",
            "a name that is not UTF-8",
            l ->
                image(
                    l,
                    "",
                    RawTar.tar().add(header(new byte[] {'x', (byte) 0xff}, '0', 0)).end().bytes())),
        fail(
            "image.layer.whiteout.named",
            "is a whiteout without the basename it should delete",
            "a bare .wh.",
            l -> image(l, "", tar("b/", "b/.wh."))),
        fail(
            "image.layer.whiteout.lower-only",
            "whites out etc/a, which this same layer also creates",
            "a whiteout of a file of its own layer",
            l -> image(l, "", tar("etc/", "etc/a"), tar("etc/", "etc/a", "etc/.wh.a"))),
        fail(
            "image.layer.whiteout.target-exists",
            "whites out etc/passwd, but this is the first layer",
            "a whiteout in the first layer",
            l -> image(l, "", tar("etc/", "etc/.wh.passwd"))),
        pass(
            "Env entries of the VARNAME=VARVALUE form",
            l -> {
              byte[] t = tar("a");
              String env = "[\"PATH=/usr/bin\",\"EMPTY=\",\"A=b=c\"]";
              imageWithConfig(l, CONFIG.formatted(env, Digest.compute(l.algorithm, t)), t);
            },
            "image.config.env.form"),
        fail(
            "image.config.env.form",
            "config.Env[1]=\"DEBUG\" has no '=' (expected KEY=value)",
            "an Env entry without =",
            l -> {
              byte[] t = tar("a");
              String env = "[\"PATH=/usr/bin\",\"DEBUG\"]";
              imageWithConfig(l, CONFIG.formatted(env, Digest.compute(l.algorithm, t)), t);
            }));
  }

  /** Names ending in / are directories, the rest small files. */
  static byte[] tar(String... names) throws IOException {
    RawTar t = RawTar.tar();
    for (String n : names) {
      if (n.endsWith("/")) {
        t.dir(n);
      } else {
        t.file(n, n);
      }
    }
    return t.end().bytes();
  }
}
