package dev.ocikit.conformance.suite;

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
            ctx -> denied(ctx, 13, "Permission denied")),
        SpecTest.of(
            "seccomp.errno-default",
            "config-linux.md",
            "seccomp",
            Level.MUST,
            "SCMP_ACT_ERRNO without errnoRet fails the syscall with EPERM",
            ctx -> denied(ctx, null, "Operation not permitted")));
  }

  private static Verdict denied(Context ctx, Integer errnoRet, String strerror) throws Exception {
    Container c = ctx.container();
    String rule =
        "{\"names\":[\"mkdir\",\"mkdirat\"],\"action\":\"SCMP_ACT_ERRNO\""
            + (errnoRet == null ? "" : ",\"errnoRet\":" + errnoRet)
            + "}";
    String seccomp =
        "{\"defaultAction\":\"SCMP_ACT_ALLOW\","
            + "\"architectures\":[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X86\",\"SCMP_ARCH_X32\"],"
            + "\"syscalls\":["
            + rule
            + "]}";
    c.bundle()
        .config()
        .shell("mkdir /ocikit-denied 2> $MARK/mkdir.err; echo $? > $MARK/mkdir.rc")
        .linux("seccomp", Container.JSON.readTree(seccomp));
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
