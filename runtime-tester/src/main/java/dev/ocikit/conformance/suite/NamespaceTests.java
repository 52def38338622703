package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * config-linux.md "Namespaces", judged from outside: for each type the container's namespace is new
 * when listed without a path, the runtime's own when not listed, and the one at {@code path} when a
 * path is given. Also the time namespace's offsets.
 */
final class NamespaceTests {
  private static final String DOC = "config-linux.md";

  private NamespaceTests() {}

  static List<SpecTest> all() {
    List<SpecTest> t = new ArrayList<>();
    for (String type : NamespaceRun.TYPES) {
      t.add(
          SpecTest.of(
              "namespaces." + type + ".new",
              DOC,
              "namespaces",
              Level.MUST,
              "a listed " + type + " namespace without path is a new namespace",
              ctx -> NamespaceRun.get(ctx).judge(type, "new")));
      t.add(
          SpecTest.of(
              "namespaces." + type + ".joined",
              DOC,
              "namespaces",
              Level.MUST,
              "a " + type + " namespace with a path places the process in that namespace",
              ctx -> NamespaceRun.get(ctx).judge(type, "joined")));
      if (!type.equals("mount")) {
        t.add(
            SpecTest.of(
                "namespaces." + type + ".inherited",
                DOC,
                "namespaces",
                Level.MUST,
                "an unlisted " + type + " namespace is inherited from the runtime",
                ctx -> NamespaceRun.get(ctx).judge(type, "inherited")));
      }
    }
    t.add(
        SpecTest.of(
                "namespaces.time.offsets",
                DOC,
                "offset-for-time-namespace",
                Level.MUST,
                "a new time namespace gets the configured monotonic and boottime offsets",
                NamespaceTests::timeOffsets)
            .since("1.1.0"));
    return t;
  }

  private static Verdict timeOffsets(Context ctx) throws Exception {
    ctx.requireBaseline(); // host-capability skips only for a runtime that works here
    if (!Files.exists(Path.of("/proc/self/ns/time"))) {
      return Verdict.skip("host kernel has no time namespaces (/proc/self/ns/time missing)");
    }
    List<String> listed = FeaturesTests.listedNamespaces(ctx);
    if (!listed.contains("time")) {
      return Verdict.skip(
          "the runtime's features list no time namespace (namespaces " + listed + ")");
    }
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER);
    c.bundle()
        .config()
        .generator()
        .linuxSettings()
        .timeOffset("monotonic", 86400, 0)
        .timeOffset("boottime", 3600, 0);
    var ns = new java.util.LinkedHashMap<String, String>();
    for (String type : new String[] {"pid", "ipc", "uts", "mount", "time"}) {
      ns.put(type, null);
    }
    c.bundle().config().namespaces(ns);
    c.createOk();
    long pid = HostProc.pidOf(c);
    String offsets = HostProc.read("/proc/" + pid + "/timens_offsets");
    boolean ok =
        offsets.matches("(?s).*monotonic\\s+86400\\s+0.*")
            && offsets.matches("(?s).*boottime\\s+3600\\s+0.*")
            && !HostProc.ns(pid, "time").equals(HostProc.ownNs("time"));
    return Verdict.expect(
        ok, "new time ns with monotonic 86400 0, boottime 3600 0", offsets.strip());
  }
}
