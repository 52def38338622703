package dev.ocikit.generate;

import dev.ocikit.spec.LinuxCapabilities;
import dev.ocikit.spec.runtime.Hook;
import dev.ocikit.spec.runtime.LinuxDevice;
import dev.ocikit.spec.runtime.LinuxDeviceType;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.RootfsPropagation;
import dev.ocikit.spec.runtime.SeccompAction;
import dev.ocikit.spec.runtime.SeccompArch;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random generator operations, each with values the spec accepts. */
final class GeneratorOperations {
  private GeneratorOperations() {}

  /** One named edit; the name shows in shrunk counterexamples. */
  record Op(String name, Consumer<ConfigGenerator> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Arbitrary<String> word() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
  }

  private static Arbitrary<String> absPath() {
    return word().list().ofMinSize(1).ofMaxSize(3).map(l -> "/" + String.join("/", l));
  }

  private static Arbitrary<Long> id() {
    return Arbitraries.longs().between(0, 100_000);
  }

  static Arbitrary<Op> any() {
    Arbitrary<String> cap = Arbitraries.of(LinuxCapabilities.ALL);
    Arbitrary<CapabilitySet> set = Arbitraries.of(CapabilitySet.class);
    Arbitrary<String> rlimitType =
        Arbitraries.of("RLIMIT_NOFILE", "RLIMIT_NPROC", "RLIMIT_CORE", "RLIMIT_STACK");
    Arbitrary<String> syscall = Arbitraries.of("read", "write", "ptrace", "reboot", "mount");
    Arbitrary<SeccompAction> action =
        Arbitraries.of(
            SeccompAction.SCMP_ACT_ALLOW,
            SeccompAction.SCMP_ACT_ERRNO,
            SeccompAction.SCMP_ACT_KILL,
            SeccompAction.SCMP_ACT_LOG);
    return Arbitraries.oneOf(
        List.of(
            word()
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(a -> op("args " + a, g -> g.process().args(a.toArray(String[]::new)))),
            Combinators.combine(word(), word())
                .as((k, v) -> op("env " + k, g -> g.process().env(k.toUpperCase(), v))),
            absPath().map(p -> op("cwd " + p, g -> g.process().cwd(p))),
            Combinators.combine(id(), id())
                .as((u, gid) -> op("user", g -> g.process().user(u, gid))),
            id().map(x -> op("gids " + x, g -> g.process().additionalGids(x))),
            Combinators.combine(set, cap)
                .as((s, c) -> op("cap+ " + s + " " + c, g -> g.process().addCapability(s, c))),
            Combinators.combine(set, cap)
                .as((s, c) -> op("cap- " + s + " " + c, g -> g.process().dropCapability(s, c))),
            Combinators.combine(rlimitType, Arbitraries.longs().between(0, 1 << 20))
                .as((t, n) -> op("rlimit " + t, g -> g.process().rlimit(t, n, n / 2))),
            Arbitraries.integers()
                .between(-1000, 1000)
                .map(n -> op("oom " + n, g -> g.process().oomScoreAdj(n))),
            Combinators.combine(absPath(), Arbitraries.of("tmpfs", "bind"))
                .as(
                    (p, t) ->
                        op(
                            "mount " + p,
                            g ->
                                g.mounts()
                                    .add(
                                        p,
                                        t,
                                        t.equals("bind") ? "/srv" : "tmpfs",
                                        t.equals("bind") ? "rbind" : "nosuid"))),
            Combinators.combine(Arbitraries.of(HookKind.class), absPath())
                .as(
                    (k, p) ->
                        op("hook " + k, g -> g.hooks().add(k, Hook.builder().path(p).build()))),
            Arbitraries.of(
                    NamespaceType.PID,
                    NamespaceType.NETWORK,
                    NamespaceType.IPC,
                    NamespaceType.UTS,
                    NamespaceType.MOUNT,
                    NamespaceType.CGROUP)
                .flatMap(
                    t ->
                        Arbitraries.of(
                            op("ns+ " + t, g -> g.linuxSettings().namespace(t)),
                            op("ns- " + t, g -> g.linuxSettings().removeNamespace(t)))),
            Combinators.combine(id(), Arbitraries.longs().between(1, 65536))
                .as(
                    (h, n) ->
                        op(
                            "userns",
                            g -> {
                              g.linuxSettings().namespace(NamespaceType.USER);
                              g.linuxSettings().uidMapping(h, 0, n).gidMapping(h, 0, n);
                            })),
            Combinators.combine(absPath(), Arbitraries.longs().between(1, 255))
                .as(
                    (p, m) ->
                        op(
                            "device " + p,
                            g ->
                                g.linuxSettings()
                                    .device(
                                        LinuxDevice.builder()
                                            .path("/dev" + p)
                                            .type(LinuxDeviceType.C)
                                            .major(m)
                                            .minor(m)
                                            .build()))),
            Combinators.combine(word(), word())
                .as((k, v) -> op("sysctl " + k, g -> g.linuxSettings().sysctl("net." + k, v))),
            absPath().map(p -> op("masked " + p, g -> g.linuxSettings().maskedPath(p))),
            absPath().map(p -> op("readonly " + p, g -> g.linuxSettings().readonlyPath(p))),
            Arbitraries.of(RootfsPropagation.knownValues())
                .map(r -> op("propagation " + r, g -> g.linuxSettings().rootfsPropagation(r))),
            absPath().map(p -> op("cgroupsPath " + p, g -> g.linuxSettings().cgroupsPath(p))),
            Arbitraries.longs()
                .between(1 << 22, 1L << 34)
                .map(n -> op("memory " + n, g -> g.resources().memoryLimit(n).memorySwap(n * 2))),
            Arbitraries.longs()
                .between(2, 262144)
                .map(n -> op("shares " + n, g -> g.resources().cpuShares(n))),
            Arbitraries.longs()
                .between(1000, 1_000_000)
                .map(n -> op("quota " + n, g -> g.resources().cpuPeriod(100_000).cpuQuota(n))),
            Arbitraries.longs()
                .between(1, 4096)
                .map(n -> op("pids " + n, g -> g.resources().pidsLimit(n))),
            word().map(v -> op("unified", g -> g.resources().unified("memory.high", v))),
            action.map(a -> op("seccomp default " + a, g -> g.seccomp().defaultAction(a))),
            Combinators.combine(action, syscall)
                .as((a, s) -> op("seccomp " + a + " " + s, g -> g.seccomp().rule(a, s))),
            Arbitraries.of(SeccompArch.knownValues())
                .map(a -> op("arch " + a, g -> g.seccomp().architecture(a))),
            word().map(h -> op("hostname " + h, g -> g.hostname(h))),
            word().map(d -> op("domainname " + d, g -> g.domainname(d))),
            Arbitraries.longs()
                .between(-1000, 1000)
                .map(
                    s ->
                        op(
                            "timeOffset " + s,
                            g -> {
                              g.linuxSettings().namespace(NamespaceType.TIME);
                              g.linuxSettings().timeOffset("monotonic", s, 0);
                            })),
            Arbitraries.of(
                op("privileged", ConfigGenerator::privileged),
                op("rootless", g -> g.rootless(1000, 1000)))));
  }

  static Op op(String name, Consumer<ConfigGenerator> apply) {
    return new Op(name, apply);
  }
}
