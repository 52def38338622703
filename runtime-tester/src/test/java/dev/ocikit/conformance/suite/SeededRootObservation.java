package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.bundle.ConfigEditor;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link RootObservation} put into a context's cache without running its container: making the
 * real one mounts a tmpfs and creates a device node on the host, which needs root. The intended
 * config is built by the same {@link RootObservation.Recipe} as the real one (root user, network
 * namespace, nested capability sets, every rlimit, namespaced sysctls); its mounts are left out
 * since the mount judges are not judged here.
 */
final class SeededRootObservation {
  private SeededRootObservation() {}

  /** Seeds {@code ctx}'s cache; {@code violation} is applied when it targets the root observer. */
  static RootObservation seed(Context ctx, Violation violation) throws Exception {
    RootObservation root = make(ctx, violation);
    return ctx.observations().get("observe-root", () -> root);
  }

  private static RootObservation make(Context ctx, Violation violation) throws Exception {
    Container c = ctx.container();
    Path shared = c.bundle().shared();
    ConfigEditor cfg = c.bundle().config();
    List<String> probes = new ArrayList<>();
    for (String key : RootObservation.SYSCTLS.keySet()) {
      probes.add("read:" + RootObservation.procPath(key));
    }
    Observation.observer(cfg, shared, probes);
    RootObservation.Recipe recipe = RootObservation.Recipe.apply(cfg);
    RuntimeConfig intended = c.bundle().write();
    ObjectNode report =
        ScriptedObserver.report(
            Container.JSON.readTree(c.bundle().dir().resolve("config.json").toFile()), probes);
    if (violation != null && violation.target() == Violation.Target.ROOT) {
      violation.edit().apply(report);
    }
    return new RootObservation(
        new Observation(report, intended, shared), recipe.hostSysctls(), recipe.rlimitSkips());
  }
}
