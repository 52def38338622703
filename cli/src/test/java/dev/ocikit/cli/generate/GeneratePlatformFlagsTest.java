package dev.ocikit.cli.generate;

import static dev.ocikit.cli.generate.FlagRow.row;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Windows, Solaris, VM, FreeBSD and z/OS flags: a row each, on that platform's default. */
class GeneratePlatformFlagsTest {
  private static Arguments on(String os, String flag, String pointer, String expected) {
    return row(List.of(flag, "--os=" + os), pointer, expected);
  }

  static Stream<Arguments> flags() {
    return Stream.of(
        on(
            "windows",
            "--windows-layer-folders=C:\\l1,C:\\scratch",
            "/windows/layerFolders/1",
            "C:\\scratch"),
        on(
            "windows",
            "--windows-hyperv-utility-vm-path=C:\\uvm",
            "/windows/hyperv/utilityVMPath",
            "C:\\uvm"),
        on("windows", "--windows-hyperv-utilityVMPath=C:\\u", "/root", ""),
        on("windows", "--windows-servicing", "/windows/servicing", "true"),
        on(
            "windows",
            "--windows-ignore-flushes-during-boot",
            "/windows/ignoreFlushesDuringBoot",
            "true"),
        on(
            "windows",
            "--windows-network={\"endpointList\":[\"e1\"]}",
            "/windows/network/endpointList/0",
            "e1"),
        on("windows", "--windows-network-endpoint=e2", "/windows/network/endpointList/0", "e2"),
        on(
            "windows",
            "--windows-network-dns-search=corp.example",
            "/windows/network/DNSSearchList/0",
            "corp.example"),
        on(
            "windows",
            "--windows-network-allow-unqualified-dns-query",
            "/windows/network/allowUnqualifiedDNSQuery",
            "true"),
        on(
            "windows",
            "--windows-network-shared-container=c1",
            "/windows/network/networkSharedContainerName",
            "c1"),
        on(
            "windows",
            "--windows-network-namespace=5a1e-ns",
            "/windows/network/networkNamespace",
            "5a1e-ns"),
        on("windows", "--windows-resources-cpu={\"count\":2}", "/windows/resources/cpu/count", "2"),
        on("windows", "--windows-resources-cpu-count=4", "/windows/resources/cpu/count", "4"),
        on(
            "windows",
            "--windows-resources-cpu-shares=5000",
            "/windows/resources/cpu/shares",
            "5000"),
        on(
            "windows",
            "--windows-resources-cpu-maximum=2500",
            "/windows/resources/cpu/maximum",
            "2500"),
        on(
            "windows",
            "--windows-resources-memory-limit=1g",
            "/windows/resources/memory/limit",
            "1073741824"),
        on(
            "windows",
            "--windows-resources-storage={\"iops\":10}",
            "/windows/resources/storage/iops",
            "10"),
        on(
            "windows",
            "--windows-resources-storage-iops=20",
            "/windows/resources/storage/iops",
            "20"),
        on("windows", "--windows-resources-storage-bps=30", "/windows/resources/storage/bps", "30"),
        on(
            "windows",
            "--windows-resources-storage-sandbox-size=20g",
            "/windows/resources/storage/sandboxSize",
            "21474836480"),
        on(
            "solaris",
            "--solaris-milestone=svc:/milestone/container:default",
            "/solaris/milestone",
            "svc:/milestone/container:default"),
        on("solaris", "--solaris-limitpriv=default", "/solaris/limitpriv", "default"),
        on("solaris", "--solaris-max-shm-memory=512m", "/solaris/maxShmMemory", "512m"),
        on(
            "solaris",
            "--solaris-anet={\"linkname\":\"net0\",\"lowerLink\":\"net2\"}",
            "/solaris/anet/0/lowerLink",
            "net2"),
        on("solaris", "--solaris-capped-cpu-ncpus=1.25", "/solaris/cappedCPU/ncpus", "1.25"),
        on(
            "solaris",
            "--solaris-capped-memory-physical=512m",
            "/solaris/cappedMemory/physical",
            "512m"),
        on("solaris", "--solaris-capped-memory-swap=1G", "/solaris/cappedMemory/swap", "1G"),
        on("vm", "--vm-hypervisor-path=/usr/bin/qemu", "/vm/hypervisor/path", "/usr/bin/qemu"),
        row(
            List.of(
                "--vm-hypervisor-parameters=-nographic",
                "--vm-hypervisor-path=/usr/bin/qemu",
                "--os=vm"),
            "/vm/hypervisor/parameters/0",
            "-nographic"),
        on("vm", "--vm-kernel-path=/boot/bzImage", "/vm/kernel/path", "/boot/bzImage"),
        on("vm", "--vm-kernel-parameters=console=hvc0", "/vm/kernel/parameters/0", "console=hvc0"),
        on("vm", "--vm-kernel-initrd=/boot/initrd.img", "/vm/kernel/initrd", "/boot/initrd.img"),
        row(
            List.of("--vm-image-path=/var/vm/root.img", "--vm-image-format=raw", "--os=vm"),
            "/vm/image/path",
            "/var/vm/root.img"),
        row(
            List.of("--vm-image-format=qcow2", "--vm-image-path=/var/vm/root.qcow2", "--os=vm"),
            "/vm/image/format",
            "qcow2"),
        on("freebsd", "--freebsd-device-add=pf:0600", "/freebsd/devices/0/mode", "384"),
        on("freebsd", "--freebsd-jail-parent=net", "/freebsd/jail/parent", "net"),
        on("freebsd", "--freebsd-jail-host=new", "/freebsd/jail/host", "new"),
        on("freebsd", "--freebsd-jail-vnet=new", "/freebsd/jail/vnet", "new"),
        on("freebsd", "--freebsd-jail-ip4=inherit", "/freebsd/jail/ip4", "inherit"),
        on("freebsd", "--freebsd-jail-ip6=disable", "/freebsd/jail/ip6", "disable"),
        on("freebsd", "--freebsd-jail-ip4-addr=192.0.2.7", "/freebsd/jail/ip4Addr/0", "192.0.2.7"),
        on(
            "freebsd",
            "--freebsd-jail-ip6-addr=2001:db8::7",
            "/freebsd/jail/ip6Addr/0",
            "2001:db8::7"),
        on("freebsd", "--freebsd-jail-interface=em0", "/freebsd/jail/interface", "em0"),
        on(
            "freebsd",
            "--freebsd-jail-vnet-interface=epair0b",
            "/freebsd/jail/vnetInterfaces/0",
            "epair0b"),
        on("freebsd", "--freebsd-jail-sysv=shm=new", "/freebsd/jail/sysvshm", "new"),
        on("freebsd", "--freebsd-jail-enforce-statfs=1", "/freebsd/jail/enforceStatfs", "1"),
        on("freebsd", "--freebsd-jail-allow=rawSockets,mlock", "/freebsd/jail/allow/mlock", "true"),
        on("freebsd", "--freebsd-jail-allow-mount=nullfs", "/freebsd/jail/allow/mount/0", "nullfs"),
        on(
            "zos",
            "--zos-namespace-add=uts:/proc/1/ns/uts",
            "/zos/namespaces/3/path",
            "/proc/1/ns/uts"),
        on("zos", "--zos-namespace-remove=pid", "/zos/namespaces/0/type", "mount"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flags")
  void flagLandsAtPointerAndValidates(
      String name, List<String> args, String pointer, String expected) {
    FlagRow.check(args, pointer, expected, true);
  }
}
