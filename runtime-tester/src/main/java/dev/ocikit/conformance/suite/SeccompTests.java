package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import dev.ocikit.generate.SeccompSettings;
import dev.ocikit.spec.runtime.SeccompAction;
import java.nio.file.Files;
import java.util.List;

/**
 * config-linux.md "Seccomp": a syscall denied with SCMP_ACT_ERRNO really fails with the configured
 * errno (or EPERM when errnoRet is absent). Judged from the exit status and message of busybox
 * {@code mkdir}, and from the host: the directory must not exist in the rootfs.
 */
final class SeccompTests {
  private SeccompTests() {}

  static List<SpecTest> all() {
    return List.of(
        SpecTest.of(
                "seccomp.errno-ret",
                "config-linux.md",
                "seccomp",
                Level.MUST,
                "mkdir/mkdirat denied with SCMP_ACT_ERRNO and errnoRet 13 fail with EACCES",
                ctx -> denied(ctx, 13L, "Permission denied"))
            .since("1.1.0"),
        SpecTest.of(
                "seccomp.errno-default",
                "config-linux.md",
                "seccomp",
                Level.MUST,
                "SCMP_ACT_ERRNO without errnoRet fails the syscall with EPERM",
                ctx -> denied(ctx, null, "Operation not permitted"))
            .since("1.1.0"));
  }

  private static Verdict denied(Context ctx, Long errnoRet, String strerror) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell("mkdir /ocikit-denied 2> $MARK/mkdir.err; echo $? > $MARK/mkdir.rc");
    SeccompSettings seccomp = c.bundle().config().generator().seccomp();
    seccomp
        .defaultAction(SeccompAction.SCMP_ACT_ALLOW)
        .architectures(SeccompSettings.nativeArchitectures("x86_64"))
        .rule(SeccompAction.SCMP_ACT_ERRNO, errnoRet, List.of(), "mkdir", "mkdirat");
    c.createOk();
    c.startOk();
    if (!c.awaitMarker("mkdir.rc")) {
      return Verdict.fail("the container reports mkdir's exit status", "no report; " + c.status());
    }
    String rc = c.marker("mkdir.rc").strip();
    String err = c.marker("mkdir.err").strip();
    boolean absent = !Files.exists(c.bundle().rootfs().resolve("ocikit-denied"));
    return Verdict.expect(
        !rc.equals("0") && err.contains(strerror) && absent,
        "mkdir fails with \"" + strerror + "\" and creates nothing",
        "exit " + rc + ", stderr '" + err + "', directory absent on host: " + absent);
  }
}
