package dev.ocikit.generate;

import dev.ocikit.spec.runtime.VM;
import dev.ocikit.spec.runtime.VMHypervisor;
import dev.ocikit.spec.runtime.VMImage;
import dev.ocikit.spec.runtime.VMImageFormat;
import dev.ocikit.spec.runtime.VMKernel;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits of {@code vm}, for runtimes that run the container in a virtual machine: hypervisor, kernel
 * and disk image. Paths are absolute, in the runtime's mount namespace; a {@code vm} object is
 * valid only with a kernel path.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config-vm.md">config-vm.md</a>
 */
public final class VmSettings {
  private final ConfigGenerator g;

  VmSettings(ConfigGenerator g) {
    this.g = g;
  }

  private VmSettings edit(UnaryOperator<VM> e) {
    g.update(c -> c.withVm(e.apply(c.vm() == null ? VM.builder().build() : c.vm())));
    return this;
  }

  private VmSettings kernel(UnaryOperator<VMKernel> e) {
    return edit(
        v -> v.withKernel(e.apply(v.kernel() == null ? VMKernel.builder().build() : v.kernel())));
  }

  /**
   * Sets {@code hypervisor.path}, keeping its parameters.
   *
   * @param path the hypervisor binary on the host
   * @return these settings, for chaining
   */
  public VmSettings hypervisorPath(String path) {
    return edit(v -> v.withHypervisor(hypervisor(v).withPath(path)));
  }

  /**
   * Replaces {@code hypervisor.parameters}.
   *
   * @param parameters its command line arguments
   * @return these settings, for chaining
   */
  public VmSettings hypervisorParameters(List<String> parameters) {
    return edit(v -> v.withHypervisor(hypervisor(v).withParameters(List.copyOf(parameters))));
  }

  private static VMHypervisor hypervisor(VM v) {
    return v.hypervisor() == null ? VMHypervisor.builder().build() : v.hypervisor();
  }

  /**
   * Sets {@code kernel.path}, keeping its parameters and initrd.
   *
   * @param path the kernel image on the host
   * @return these settings, for chaining
   */
  public VmSettings kernelPath(String path) {
    return kernel(k -> k.withPath(path));
  }

  /**
   * Replaces {@code kernel.parameters}, the kernel command line.
   *
   * @param parameters kernel command line arguments
   * @return these settings, for chaining
   */
  public VmSettings kernelParameters(List<String> parameters) {
    return kernel(k -> k.withParameters(List.copyOf(parameters)));
  }

  /**
   * Sets {@code kernel.initrd}.
   *
   * @param path the initial ramdisk on the host
   * @return these settings, for chaining
   */
  public VmSettings kernelInitrd(String path) {
    return kernel(k -> k.withInitrd(path));
  }

  /**
   * Sets {@code image}: the VM's root disk image and its format ({@code raw}, {@code qcow2}…).
   *
   * @param path the disk image on the host
   * @param format its format, or null to let the runtime guess
   * @return these settings, for chaining
   */
  public VmSettings image(String path, String format) {
    return edit(
        v -> v.withImage(VMImage.builder().path(path).format(VMImageFormat.of(format)).build()));
  }
}
