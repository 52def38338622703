package dev.ocikit.generate;

import static dev.ocikit.generate.GeneratorOperations.op;

import dev.ocikit.generate.GeneratorOperations.Op;
import dev.ocikit.spec.runtime.FreeBSDJailMode;
import dev.ocikit.spec.runtime.FreeBSDJailSharing;
import dev.ocikit.spec.runtime.SolarisAnet;
import dev.ocikit.spec.runtime.ZOSNamespaceType;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random edits of the Windows, Solaris, VM, FreeBSD and z/OS sections, by platform. */
final class PlatformOperations {
  private PlatformOperations() {}

  private static Arbitrary<String> word() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
  }

  private static Arbitrary<Long> count() {
    return Arbitraries.longs().between(0, 1L << 40);
  }

  /** Operations that keep a config of {@code os} valid. */
  static Arbitrary<Op> forPlatform(String os) {
    return switch (os) {
      case "windows" -> windows();
      case "solaris" -> solaris();
      case "vm" -> vm();
      case "freebsd" -> freebsd();
      default -> zos();
    };
  }

  private static Arbitrary<Op> windows() {
    return Arbitraries.oneOf(
        List.of(
            word()
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(
                    l ->
                        op(
                            "layers " + l,
                            g ->
                                g.windowsSettings()
                                    .layerFolders(l.stream().map(w -> "C:\\" + w).toList()))),
            word().map(w -> op("layer+ " + w, g -> g.windowsSettings().addLayerFolder("C:\\" + w))),
            word().map(w -> op("hyperv " + w, g -> g.windowsSettings().hyperv("C:\\" + w))),
            Arbitraries.of(true, false)
                .map(
                    b ->
                        op(
                            "servicing " + b,
                            g -> g.windowsSettings().servicing(b).ignoreFlushesDuringBoot(b))),
            word()
                .map(
                    w ->
                        op(
                            "network " + w,
                            g ->
                                g.windowsSettings()
                                    .networkEndpoint(w)
                                    .dnsSearch(w + ".example")
                                    .allowUnqualifiedDnsQuery(true)
                                    .networkSharedContainer(w)
                                    .networkNamespace(w))),
            count().map(n -> op("memory " + n, g -> g.windowsSettings().memoryLimit(n))),
            Arbitraries.integers()
                .between(1, 10000)
                .map(
                    n ->
                        op(
                            "cpu " + n,
                            g -> g.windowsSettings().cpuCount(n).cpuShares(n).cpuMaximum(n))),
            count()
                .map(
                    n ->
                        op(
                            "storage " + n,
                            g ->
                                g.windowsSettings()
                                    .storageIops(n)
                                    .storageBps(n)
                                    .storageSandboxSize(n)))));
  }

  private static Arbitrary<Op> solaris() {
    return Arbitraries.oneOf(
        List.of(
            word()
                .map(
                    w ->
                        op(
                            "milestone " + w,
                            g -> g.solarisSettings().milestone("svc:/" + w).limitpriv(w))),
            Arbitraries.integers()
                .between(1, 4096)
                .map(
                    n ->
                        op(
                            "caps " + n,
                            g ->
                                g.solarisSettings()
                                    .maxShmMemory(n + "m")
                                    .cappedCpuNcpus(n + ".5")
                                    .cappedMemoryPhysical(n + "m")
                                    .cappedMemorySwap(n + "g"))),
            word()
                .map(
                    w ->
                        op(
                            "anet " + w,
                            g ->
                                g.solarisSettings()
                                    .anet(
                                        SolarisAnet.builder()
                                            .linkname(w)
                                            .lowerLink("net0")
                                            .build())))));
  }

  private static Arbitrary<Op> vm() {
    return Arbitraries.oneOf(
        List.of(
            word()
                .map(
                    w ->
                        op(
                            "hypervisor " + w,
                            g ->
                                g.vmSettings()
                                    .hypervisorPath("/usr/bin/" + w)
                                    .hypervisorParameters(List.of("-" + w)))),
            word()
                .map(
                    w ->
                        op(
                            "kernel " + w,
                            g ->
                                g.vmSettings()
                                    .kernelPath("/boot/" + w)
                                    .kernelParameters(List.of(w + "=1"))
                                    .kernelInitrd("/boot/" + w + ".img"))),
            Combinators.combine(word(), Arbitraries.of("raw", "qcow2", "vmdk"))
                .as((w, f) -> op("image " + w, g -> g.vmSettings().image("/var/" + w, f)))));
  }

  private static Arbitrary<Op> freebsd() {
    Arbitrary<FreeBSDJailMode> mode = Arbitraries.of(FreeBSDJailMode.knownValues());
    // host and vnet cannot be "disable" (config-freebsd.md lists new and inherit only)
    Arbitrary<FreeBSDJailSharing> sharing = Arbitraries.of(FreeBSDJailSharing.knownValues());
    return Arbitraries.oneOf(
        List.of(
            Combinators.combine(word(), Arbitraries.longs().between(0, 511))
                .as((w, m) -> op("device " + w, g -> g.freebsdSettings().device(w, m))),
            Combinators.combine(mode, sharing, Arbitraries.of("msg", "sem", "shm"))
                .as(
                    (m, s, k) ->
                        op(
                            "modes " + m + " " + s,
                            g -> g.freebsdSettings().host(s).vnet(s).ip4(m).ip6(m).sysv(k, m))),
            word()
                .map(
                    w ->
                        op(
                            "jail " + w,
                            g ->
                                g.freebsdSettings()
                                    .parent(w)
                                    .networkInterface(w)
                                    .vnetInterface(w)
                                    .ip4Addr("192.0.2.1")
                                    .ip6Addr("2001:db8::1"))),
            Arbitraries.integers()
                .between(0, 2)
                .map(n -> op("statfs " + n, g -> g.freebsdSettings().enforceStatfs(n))),
            Arbitraries.of(FreeBsdSettings.ALLOW_NAMES)
                .map(
                    a ->
                        op(
                            "allow " + a,
                            g -> g.freebsdSettings().allow(a, true).allowMount("nullfs")))));
  }

  private static Arbitrary<Op> zos() {
    Arbitrary<ZOSNamespaceType> type = Arbitraries.of(ZOSNamespaceType.knownValues());
    return type.flatMap(
        t ->
            Arbitraries.of(
                op("zos ns+ " + t, g -> g.zosSettings().namespace(t, null)),
                op("zos ns join " + t, g -> g.zosSettings().namespace(t, "/proc/1/ns/" + t)),
                op("zos ns- " + t, g -> g.zosSettings().removeNamespace(t))));
  }
}
