package dev.ocikit.generate;

import static dev.ocikit.generate.GeneratorOperations.op;

import dev.ocikit.generate.BlockIoSettings.Throttle;
import dev.ocikit.generate.GeneratorOperations.Op;
import dev.ocikit.spec.runtime.Hook;
import dev.ocikit.spec.runtime.LinuxDeviceCgroup;
import dev.ocikit.spec.runtime.LinuxMemoryPolicyFlag;
import dev.ocikit.spec.runtime.LinuxMemoryPolicyMode;
import dev.ocikit.spec.runtime.LinuxPersonalityDomain;
import dev.ocikit.spec.runtime.SeccompAction;
import dev.ocikit.spec.runtime.SeccompFlag;
import dev.ocikit.spec.runtime.SeccompOperator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random operations of the hook, seccomp, resource and Linux feature edits. */
final class FeatureOperations {
  private FeatureOperations() {}

  private static Arbitrary<String> word() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
  }

  private static Arbitrary<Long> small() {
    return Arbitraries.longs().between(0, 255);
  }

  static Arbitrary<Op> any() {
    Arbitrary<HookKind> kind = Arbitraries.of(HookKind.class);
    return Arbitraries.oneOf(
        List.of(
            Combinators.combine(kind, word(), Arbitraries.integers().between(1, 600))
                .as(
                    (k, w, t) ->
                        op(
                            "hook+env+timeout " + k,
                            g ->
                                g.hooks()
                                    .add(k, Hook.builder().path("/bin/" + w).build())
                                    .env(k, w.toUpperCase() + "=1")
                                    .timeout(k, t))),
            kind.map(k -> op("hooks- " + k, g -> g.hooks().clear(k))),
            Combinators.combine(
                    Arbitraries.of(SeccompOperator.knownValues()),
                    small(),
                    Arbitraries.of("personality", "clone", "socket"))
                .as(
                    (o, v, s) ->
                        op(
                            "seccomp arg " + s + " " + o,
                            g ->
                                g.seccomp()
                                    .rule(
                                        SeccompAction.SCMP_ACT_ALLOW,
                                        null,
                                        List.of(
                                            SeccompSettings.arg(
                                                0,
                                                o,
                                                v,
                                                o.equals(SeccompOperator.SCMP_CMP_MASKED_EQ)
                                                    ? v
                                                    : null)),
                                        s))),
            Arbitraries.longs()
                .between(1, 133)
                .map(
                    e ->
                        op(
                            "seccomp default errno " + e,
                            g ->
                                g.seccomp()
                                    .defaultAction(SeccompAction.SCMP_ACT_ERRNO)
                                    .defaultErrno(e))),
            Arbitraries.of(SeccompFlag.knownValues())
                .flatMap(
                    f ->
                        Arbitraries.of(
                            op("seccomp flag+ " + f, g -> g.seccomp().flag(f)),
                            op("seccomp flag- " + f, g -> g.seccomp().removeFlag(f)))),
            word()
                .map(
                    w ->
                        op(
                            "seccomp notify " + w,
                            g ->
                                g.seccomp()
                                    .listenerPath("/run/" + w + ".sock")
                                    .listenerMetadata(w)
                                    .rule(SeccompAction.SCMP_ACT_NOTIFY, "mount"))),
            Combinators.combine(small(), small(), Arbitraries.integers().between(10, 1000))
                .as(
                    (ma, mi, w) ->
                        op(
                            "blkio " + ma + ":" + mi,
                            g ->
                                g.resources()
                                    .blockIO()
                                    .weight(w)
                                    .leafWeight(w)
                                    .weightDevice(ma, mi, w, null)
                                    .weightDevice(ma, mi, null, w))),
            Combinators.combine(
                    Arbitraries.of(Throttle.class),
                    small(),
                    small(),
                    Arbitraries.longs().between(0, 1L << 40))
                .as(
                    (t, ma, mi, r) ->
                        op("throttle " + t, g -> g.resources().blockIO().throttle(t, ma, mi, r))),
            Combinators.combine(Arbitraries.of(Throttle.class), small(), small())
                .as(
                    (t, ma, mi) ->
                        op(
                            "throttle- " + t,
                            g ->
                                g.resources()
                                    .blockIO()
                                    .removeThrottle(t, ma, mi)
                                    .removeWeightDevice(ma, mi))),
            Arbitraries.longs()
                .between(0, 1L << 30)
                .map(
                    n ->
                        op(
                            "kernel mem " + n,
                            g -> g.resources().memoryKernel(n).memoryKernelTcp(n))),
            Combinators.combine(Arbitraries.of(true, false), small(), small())
                .as(
                    (allow, ma, mi) -> {
                      LinuxDeviceCgroup rule =
                          LinuxDeviceCgroup.builder()
                              .allow(allow)
                              .major(ma)
                              .minor(mi)
                              .access("rw")
                              .build();
                      return op(
                          "device rule " + allow,
                          g ->
                              g.resources()
                                  .deviceRule(rule)
                                  .removeDeviceRule(rule)
                                  .deviceRule(rule));
                    }),
            Combinators.combine(
                    Arbitraries.of("2MB", "1GB", "64KB"), Arbitraries.longs().between(0, 1L << 32))
                .as(
                    (s, n) ->
                        Arbitraries.of(
                            op("hugepage " + s, g -> g.resources().hugepageLimit(s, n)),
                            op("hugepage- " + s, g -> g.resources().removeHugepageLimit(s))))
                .flatMap(a -> a),
            Combinators.combine(
                    Arbitraries.of("eth0", "eth1", "lo"), Arbitraries.longs().between(0, 1000))
                .as(
                    (i, p) ->
                        op(
                            "prio " + i,
                            g -> g.resources().networkPriority(i, p).networkClassId(p))),
            Arbitraries.of("eth0", "eth1")
                .map(i -> op("prio- " + i, g -> g.resources().removeNetworkPriority(i))),
            Combinators.combine(word(), small())
                .as((d, n) -> op("rdma " + d, g -> g.resources().rdma(d, n, null))),
            Combinators.combine(Arbitraries.of("eth1", "eth2"), word())
                .as(
                    (i, n) ->
                        Arbitraries.of(
                            op("netdev " + i, g -> g.linuxSettings().netDevice(i, n)),
                            op("netdev- " + i, g -> g.linuxSettings().removeNetDevice(i))))
                .flatMap(a -> a),
            Arbitraries.of(LinuxPersonalityDomain.knownValues())
                .map(d -> op("personality " + d, g -> g.linuxSettings().personality(d, List.of()))),
            Combinators.combine(
                    Arbitraries.of(LinuxMemoryPolicyMode.knownValues()),
                    Arbitraries.of(LinuxMemoryPolicyFlag.knownValues()))
                .as(
                    (m, f) ->
                        op(
                            "mempolicy " + m,
                            g -> {
                              // MPOL_DEFAULT and MPOL_LOCAL take neither nodes nor flags.
                              boolean bare =
                                  m.equals(LinuxMemoryPolicyMode.MPOL_LOCAL)
                                      || m.equals(LinuxMemoryPolicyMode.MPOL_DEFAULT);
                              g.linuxSettings()
                                  .memoryPolicy(
                                      m, bare ? null : "0", bare ? List.of() : List.of(f));
                            })),
            word()
                .map(
                    w ->
                        op(
                            "intelRdt " + w,
                            g ->
                                g.linuxSettings()
                                    .intelRdtClosId(w)
                                    .intelRdtL3CacheSchema("L3:0=ff")
                                    .intelRdtMemBwSchema("MB:0=50")
                                    .intelRdtSchemata("L2:0=f")
                                    .intelRdtMonitoring(true))),
            Arbitraries.integers()
                .between(0, 7)
                .map(n -> op("affinity " + n, g -> g.process().execCpuAffinity("0-" + n, "" + n))),
            Arbitraries.of(CapabilitySet.class)
                .map(
                    s ->
                        op(
                            "caps-all " + s,
                            g -> {
                              g.process().clearCapabilities(s);
                              if (s == CapabilitySet.PERMITTED) {
                                g.process().clearCapabilities(CapabilitySet.EFFECTIVE);
                              }
                            })),
            Combinators.combine(word(), word())
                .as(
                    (k, v) ->
                        op("annotation± " + k, g -> g.annotation(k, v).removeAnnotation(k)))));
  }
}
