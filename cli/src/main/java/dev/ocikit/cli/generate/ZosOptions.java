package dev.ocikit.cli.generate;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.spec.runtime.ZOSNamespace;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code zos}: its namespaces (pid, mount, ipc, uts). */
final class ZosOptions {
  @Option(
      names = "--zos-namespace-add",
      paramLabel = "TYPE[:PATH]",
      converter = LinuxConverters.ZosNamespaceConverter.class,
      description = "Create (or with PATH join) a z/OS namespace.")
  List<ZOSNamespace> add = new ArrayList<>();

  @Option(
      names = "--zos-namespace-remove",
      paramLabel = "TYPE",
      converter = LinuxConverters.ZosNamespaceConverter.class,
      description = "Inherit this namespace from the runtime.")
  List<ZOSNamespace> remove = new ArrayList<>();

  void applyTo(ConfigGenerator g) {
    for (ZOSNamespace n : remove) {
      g.zosSettings().removeNamespace(n.type());
    }
    for (ZOSNamespace n : add) {
      g.zosSettings().namespace(n.type(), n.path());
    }
  }
}
