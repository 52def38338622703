package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.spec.LinuxCapabilities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * features.md and features-linux.md: what the {@code features} document says the runtime
 * recognizes, it accepts in config.json. Each test writes every listed value into one config and
 * expects create to succeed: the spec versions {@code ociVersionMin} and {@code ociVersionMax}, the
 * capabilities, and the seccomp actions, operators, architectures and supported flags.
 */
final class FeaturesConfigTests {
  /**
   * Syscalls no runtime's init and no busybox shell uses, one per seccomp rule, so that rules of
   * different actions never meet on one syscall (libseccomp refuses that).
   */
  static final List<String> UNUSED_SYSCALLS =
      List.of(
          "acct",
          "swapon",
          "swapoff",
          "kexec_load",
          "vhangup",
          "uselib",
          "ustat",
          "sysfs",
          "iopl",
          "ioperm",
          "lookup_dcookie",
          "quotactl",
          "syslog",
          "settimeofday",
          "adjtimex",
          "sethostname");

  private FeaturesConfigTests() {}

  static List<SpecTest> all() {
    return List.of(
        test(
            "features.oci-version-min-accepted",
            "features.md",
            "specification-version",
            "a config declaring the features' ociVersionMin is accepted by create",
            f -> text(f.path("ociVersionMin")),
            (c, v) -> c.bundle().config().edit(cfg -> cfg.withOciVersion(v.get(0)))),
        test(
            "features.oci-version-max-accepted",
            "features.md",
            "specification-version",
            "a config declaring the features' ociVersionMax is accepted by create",
            f -> text(f.path("ociVersionMax")),
            (c, v) -> c.bundle().config().edit(cfg -> cfg.withOciVersion(v.get(0)))),
        test(
            "features.capabilities-recognized",
            "features-linux.md",
            "capabilities",
            "a config granting every capability `features` lists that the harness's bounding set"
                + " holds (all five sets) is accepted",
            f -> grantable(strings(f.at("/linux/capabilities")), HostProc.capBnd()),
            (c, v) -> c.bundle().config().capabilities(v.toArray(String[]::new))),
        test(
            "features.seccomp-actions-recognized",
            "features-linux.md",
            "seccomp",
            "a seccomp profile using every action `features` lists is accepted by create",
            f -> strings(f.at("/linux/seccomp/actions")),
            (c, v) -> {
              ObjectNode s = seccomp();
              for (int i = 0; i < v.size() && i < UNUSED_SYSCALLS.size(); i++) {
                rule(s, v.get(i), UNUSED_SYSCALLS.get(i));
              }
              write(c, s);
            }),
        test(
            "features.seccomp-operators-recognized",
            "features-linux.md",
            "seccomp",
            "a seccomp profile with an argument rule for every operator `features` lists is"
                + " accepted by create",
            f -> strings(f.at("/linux/seccomp/operators")),
            (c, v) -> {
              ObjectNode s = seccomp();
              for (int i = 0; i < v.size() && i < UNUSED_SYSCALLS.size(); i++) {
                ObjectNode arg = Container.JSON.createObjectNode();
                arg.put("index", 0).put("value", 1).put("valueTwo", 1).put("op", v.get(i));
                rule(s, "SCMP_ACT_ERRNO", UNUSED_SYSCALLS.get(i)).putArray("args").add(arg);
              }
              write(c, s);
            }),
        test(
            "features.seccomp-archs-recognized",
            "features-linux.md",
            "seccomp",
            "a seccomp profile naming every architecture `features` lists of the host's byte order"
                + " is accepted by create",
            f ->
                sameByteOrder(
                    strings(f.at("/linux/seccomp/archs")),
                    java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN),
            (c, v) -> {
              ObjectNode s = seccomp();
              ArrayNode archs = s.putArray("architectures");
              v.forEach(archs::add);
              rule(s, "SCMP_ACT_ERRNO", "acct");
              write(c, s);
            }),
        test(
            "features.seccomp-supported-flags-accepted",
            "features-linux.md",
            "seccomp",
            "a seccomp profile setting every flag of `features` supportedFlags is accepted by"
                + " create",
            f -> strings(f.at("/linux/seccomp/supportedFlags")),
            (c, v) -> {
              ObjectNode s = seccomp();
              ArrayNode flags = s.putArray("flags");
              v.forEach(flags::add);
              rule(s, "SCMP_ACT_ERRNO", "acct");
              write(c, s);
            }));
  }

  /** How a test puts the listed values into a container's config. */
  @FunctionalInterface
  private interface Apply {
    void apply(Container c, List<String> values) throws Exception;
  }

  private static SpecTest test(
      String id,
      String doc,
      String anchor,
      String title,
      Function<JsonNode, List<String>> listed,
      Apply apply) {
    return SpecTest.of(
            id,
            doc,
            anchor,
            Level.MUST,
            title,
            ctx -> {
              JsonNode f;
              try {
                f = FeaturesTests.features(ctx);
              } catch (Unmet e) {
                // runtime.md has no features operation: no output is a skip, not a failure.
                ctx.requireBaseline();
                return Verdict.skip("no usable `features` output: " + e.getMessage());
              }
              List<String> values = listed.apply(f);
              if (values.isEmpty()) {
                return judge(values, false, "");
              }
              Container c = ctx.container();
              c.bundle().config().shell(Scripts.QUICK);
              apply.apply(c, values);
              try (ScmRightsListener listener = listenerFor(c)) {
                CallResult r = c.create();
                if (!r.ok()) {
                  ctx.requireBaseline();
                }
                return judge(values, r.ok(), r.describe());
              }
            })
        // The features document came with runtime-spec#1130, released in 1.1.0.
        .since("1.1.0");
  }

  /**
   * A runtime must accept what it lists; nothing listed is nothing to judge.
   *
   * @param listed the values `features` lists
   * @param accepted whether create succeeded with all of them in the config
   * @param detail what create did
   */
  static Verdict judge(List<String> listed, boolean accepted, String detail) {
    if (listed.isEmpty()) {
      return Verdict.skip("`features` lists no value of this kind that can be judged on this host");
    }
    return Verdict.expect(accepted, "create accepts " + listed, detail);
  }

  /** A seccomp object that allows everything; the test adds its rules, then {@link #write}s it. */
  private static ObjectNode seccomp() {
    ObjectNode s = Container.JSON.createObjectNode();
    s.put("defaultAction", "SCMP_ACT_ALLOW");
    s.putArray("syscalls");
    return s;
  }

  /** Replaces the container config's {@code linux.seccomp} by {@code seccomp}. */
  private static void write(Container c, ObjectNode seccomp) {
    c.bundle()
        .config()
        .json(
            o -> {
              ((ObjectNode) o.path("linux")).set("seccomp", seccomp);
              return o;
            });
  }

  private static ObjectNode rule(ObjectNode seccomp, String action, String syscall) {
    ObjectNode r = ((ArrayNode) seccomp.get("syscalls")).addObject();
    r.putArray("names").add(syscall);
    r.put("action", action);
    return r;
  }

  /**
   * SCMP_ACT_NOTIFY rules (and the WAIT_KILLABLE_RECV flag, which the kernel accepts only with one)
   * need a listener; this gives the config one when it has such a rule, else null.
   */
  private static ScmRightsListener listenerFor(Container c) throws Exception {
    JsonNode s = c.bundle().config().snapshot().toJson().path("linux").path("seccomp");
    boolean notify = false;
    for (JsonNode r : s.path("syscalls")) {
      notify |= "SCMP_ACT_NOTIFY".equals(r.path("action").asString(""));
    }
    boolean killable = false;
    for (JsonNode f : s.path("flags")) {
      killable |= f.asString("").equals("SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV");
    }
    if (!notify && !killable) {
      return null;
    }
    ScmRightsListener l =
        new ScmRightsListener(c.bundle().dir().resolve("notify.sock"), Duration.ofSeconds(2));
    ObjectNode seccomp = seccompOf(c);
    seccomp.put("listenerPath", l.path().toString());
    if (!notify) {
      rule(seccomp, "SCMP_ACT_NOTIFY", "swapoff");
    }
    write(c, seccomp);
    return l;
  }

  private static ObjectNode seccompOf(Container c) {
    return (ObjectNode)
        c.bundle().config().snapshot().toJson().path("linux").path("seccomp").deepCopy();
  }

  /**
   * The capabilities a config can grant here: a runtime cannot grant one outside its own bounding
   * set (the harness's, which it inherits), and "not granted" is not "not recognized"; names whose
   * bit the suite does not know are left out for the same reason.
   */
  static List<String> grantable(List<String> listed, long capBnd) {
    List<String> out = new ArrayList<>();
    for (String cap : listed) {
      int bit = LinuxCapabilities.ALL.indexOf(cap);
      if (bit >= 0 && (capBnd & (1L << bit)) != 0) {
        out.add(cap);
      }
    }
    return out;
  }

  /** Little-endian seccomp architectures (libseccomp names). */
  static final List<String> LITTLE_ENDIAN =
      List.of(
          "SCMP_ARCH_X86",
          "SCMP_ARCH_X86_64",
          "SCMP_ARCH_X32",
          "SCMP_ARCH_ARM",
          "SCMP_ARCH_AARCH64",
          "SCMP_ARCH_MIPSEL",
          "SCMP_ARCH_MIPSEL64",
          "SCMP_ARCH_MIPSEL64N32",
          "SCMP_ARCH_PPC64LE",
          "SCMP_ARCH_RISCV64",
          "SCMP_ARCH_LOONGARCH64",
          "SCMP_ARCH_SH");

  /**
   * The architectures one filter can hold beside the native one: libseccomp refuses to mix byte
   * orders in a filter (EDOM), so the other order's names are left out (they are judged on a host
   * of that order).
   */
  static List<String> sameByteOrder(List<String> archs, boolean littleEndianHost) {
    return archs.stream().filter(a -> LITTLE_ENDIAN.contains(a) == littleEndianHost).toList();
  }

  private static List<String> text(JsonNode n) {
    return n.isString() && !n.asString().isEmpty() ? List.of(n.asString()) : List.of();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asString()));
    return out;
  }
}
