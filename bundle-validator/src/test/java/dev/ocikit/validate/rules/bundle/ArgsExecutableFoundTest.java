package dev.ocikit.validate.rules.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Level;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.validate.BundleValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * process.args[0] is looked up in the rootfs as execvp would inside the container: PATH from
 * process.env, links followed but never out of the rootfs, mounts not judged, Linux bundles only.
 */
class ArgsExecutableFoundTest {
  private static final String RULE = "process.args.executable-in-rootfs";
  private static final ValidationOptions ALL = new ValidationOptions(Level.MAY, null, false);

  @TempDir Path tmp;

  @Test
  void absoluteLinkTargetsResolveInsideTheRootfs() throws IOException {
    Path b = bundle("[\"sh\"]", null, "/");
    link(b.resolve("rootfs/bin/sh"), "/usr/libexec/busybox");
    exec(b.resolve("rootfs/usr/libexec/busybox"), true);
    assertEquals(List.of(), advice(b));
  }

  @Test
  void aLinkOutOfTheRootfsIsNotFollowedOut() throws IOException {
    Path b = bundle("[\"/bin/sh\"]", null, "/");
    // bundle/rootfs/bin/../../../outside/sh would be tmp/outside/sh on the host
    exec(tmp.resolve("outside/sh"), true);
    link(b.resolve("rootfs/bin/sh"), "../../../outside/sh");
    assertEquals(
        List.of(
            "advice: process.args[0]=\"/bin/sh\" is not found in the rootfs; the container will"
                + " not start"),
        advice(b));
  }

  @Test
  void anAbsoluteLinkToAHostFileIsNotTheHostFile() throws IOException {
    assertTrue(Files.isExecutable(Path.of("/bin/sh")), "the host has /bin/sh");
    Path b = bundle("[\"sh\"]", null, "/");
    link(b.resolve("rootfs/usr/bin/sh"), "/bin/sh"); // /bin/sh of the container: absent
    assertEquals(1, advice(b).size());
  }

  @Test
  void thePathOfTheEnvironmentIsSearchedNotTheDefault() throws IOException {
    Path b = bundle("[\"sh\"]", "[\"PATH=/opt/bin\"]", "/");
    exec(b.resolve("rootfs/bin/sh"), true);
    assertEquals(
        List.of(
            "advice: process.args[0]=\"sh\" is not found in the rootfs on PATH=/opt/bin; the"
                + " container will not start"),
        advice(b));
    exec(b.resolve("rootfs/opt/bin/sh"), true);
    assertEquals(List.of(), advice(b));
  }

  @Test
  void withoutPathTheDefaultIsSearched() throws IOException {
    Path b = bundle("[\"sh\"]", "[\"TERM=xterm\"]", "/");
    assertTrue(advice(b).get(0).contains("default PATH " + ArgsExecutableFound.DEFAULT_PATH));
    exec(b.resolve("rootfs/usr/local/sbin/sh"), true);
    assertEquals(List.of(), advice(b));
  }

  @Test
  void aRelativeCommandWithASlashStartsAtTheWorkingDirectory() throws IOException {
    Path b = bundle("[\"./run\"]", null, "/app");
    exec(b.resolve("rootfs/run"), true);
    assertEquals(1, advice(b).size(), "/run is not /app/run");
    exec(b.resolve("rootfs/app/run"), true);
    assertEquals(List.of(), advice(b));
  }

  @Test
  void aFileWithoutExecuteBitsIsNamed() throws IOException {
    Path b = bundle("[\"sh\"]", "[\"PATH=/bin\"]", "/");
    exec(b.resolve("rootfs/bin/sh"), false);
    assertEquals(
        List.of(
            "advice: process.args[0]=\"sh\" is in the rootfs at /bin/sh but that is not an"
                + " executable regular file; the container will not start"),
        advice(b));
  }

  @Test
  void aLinkLoopIsNotFound() throws IOException {
    Path b = bundle("[\"/bin/sh\"]", null, "/");
    link(b.resolve("rootfs/bin/sh"), "/bin/sh");
    assertEquals(1, advice(b).size());
  }

  @Test
  void aMountOverThePlaceIsNotJudged() throws IOException {
    Path b =
        bundle(
            "[\"/bin/sh\"]",
            null,
            "/",
            ", \"mounts\": [{\"destination\": \"/bin\", \"type\": \"bind\", \"source\": \"/bin\","
                + " \"options\": [\"rbind\", \"ro\"]}]");
    assertEquals(List.of(), advice(b));
  }

  @Test
  void onlyLinuxBundlesAreChecked() throws IOException {
    Path b = bundle("[\"/bin/sh\"]", null, "/");
    assertEquals(1, advice(b).size());
    ValidationOptions solaris = new ValidationOptions(Level.MAY, "solaris", false);
    assertEquals(List.of(), ids(BundleValidator.validate(b, solaris).findings()));
    assertEquals(
        List.of(), ids(BundleValidator.validateConfig(b.resolve("config.json"), ALL).findings()));
  }

  private Path bundle(String args, String env, String cwd) throws IOException {
    return bundle(args, env, cwd, "");
  }

  private Path bundle(String args, String env, String cwd, String more) throws IOException {
    Path b = Files.createTempDirectory(tmp, "bundle");
    Files.createDirectories(b.resolve("rootfs"));
    Files.writeString(
        b.resolve("config.json"),
        "{\"ociVersion\": \"1.3.0\", \"root\": {\"path\": \"rootfs\"}, \"process\": {\"user\":"
            + " {\"uid\": 0, \"gid\": 0}, \"args\": "
            + args
            + (env == null ? "" : ", \"env\": " + env)
            + ", \"cwd\": \""
            + cwd
            + "\"}"
            + more
            + "}");
    return b;
  }

  private static void exec(Path p, boolean executable) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/false\n");
    Files.setPosixFilePermissions(
        p, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
  }

  private static void link(Path p, String target) throws IOException {
    Files.createDirectories(p.getParent());
    Files.createSymbolicLink(p, Path.of(target));
  }

  private static List<String> advice(Path bundle) throws IOException {
    List<Finding> all = BundleValidator.validate(bundle, ALL).findings();
    return all.stream().filter(f -> f.ruleId().equals(RULE)).map(Finding::message).toList();
  }

  private static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).filter(RULE::equals).toList();
  }
}
