package dev.ocikit.cli.generate;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.VmSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code vm}: hypervisor, kernel and image of a VM-based runtime. */
final class VmOptions {
  @Option(names = "--vm-hypervisor-path", paramLabel = "/PATH", description = "Hypervisor binary.")
  String hypervisorPath;

  @Option(names = "--vm-hypervisor-parameters", paramLabel = "ARG", description = "Repeatable.")
  List<String> hypervisorParameters = new ArrayList<>();

  @Option(names = "--vm-kernel-path", paramLabel = "/PATH", description = "Kernel to boot.")
  String kernelPath;

  @Option(names = "--vm-kernel-parameters", paramLabel = "ARG", description = "Repeatable.")
  List<String> kernelParameters = new ArrayList<>();

  @Option(names = "--vm-kernel-initrd", paramLabel = "/PATH", description = "Initial ramdisk.")
  String initrd;

  @Option(names = "--vm-image-path", paramLabel = "/PATH", description = "VM root disk image.")
  String imagePath;

  @Option(
      names = "--vm-image-format",
      paramLabel = "FORMAT",
      description = "raw, qcow2, vdi, vmdk or vhd (with --vm-image-path).")
  String imageFormat;

  void applyTo(ConfigGenerator g) {
    VmSettings v = g.vmSettings();
    if (hypervisorPath != null) {
      v.hypervisorPath(hypervisorPath);
    }
    if (!hypervisorParameters.isEmpty()) {
      v.hypervisorParameters(hypervisorParameters);
    }
    if (kernelPath != null) {
      v.kernelPath(kernelPath);
    }
    if (!kernelParameters.isEmpty()) {
      v.kernelParameters(kernelParameters);
    }
    if (initrd != null) {
      v.kernelInitrd(initrd);
    }
    if (imagePath != null) {
      v.image(imagePath, imageFormat);
    }
  }

  String problem() {
    for (String[] p :
        new String[][] {
          {"--vm-hypervisor-path", hypervisorPath},
          {"--vm-kernel-path", kernelPath},
          {"--vm-kernel-initrd", initrd},
          {"--vm-image-path", imagePath}
        }) {
      if (p[1] != null && !p[1].startsWith("/")) {
        return p[0] + ": expected an absolute path but got '" + p[1] + "'";
      }
    }
    if ((imagePath == null) != (imageFormat == null)) {
      return "--vm-image-path and --vm-image-format: expected both (an image needs a format)";
    }
    if (!hypervisorParameters.isEmpty() && hypervisorPath == null) {
      return "--vm-hypervisor-parameters: expected --vm-hypervisor-path too";
    }
    return null;
  }
}
