package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.bundle.ConfigEditor;
import dev.ocikit.spec.runtime.Capabilities;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link RootObservation} put into a context's cache without running its container: making the
 * real one mounts a tmpfs and creates a device node on the host, which needs root. The intended
 * config is built as {@link RootObservation} builds its own for what the non-mount judges read
 * (root user, network namespace, nested capability sets, every rlimit, namespaced sysctls); its
 * mounts are left out since the mount judges are not judged here.
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
    cfg.user(0, 0, List.of(), null);
    cfg.generator().linuxSettings().namespace(NamespaceType.of("network"), null);
    Capabilities caps =
        Capabilities.builder()
            .bounding(RootObservation.BOUNDING)
            .effective(RootObservation.BOUNDING)
            .permitted(RootObservation.BOUNDING)
            .inheritable(RootObservation.INHERITABLE)
            .ambient(RootObservation.AMBIENT)
            .build();
    cfg.edit(x -> x.withProcess(x.process().withCapabilities(caps)));
    Map<String, String> skips = new LinkedHashMap<>();
    Map<String, long[]> host = RlimitChoice.hostLimits();
    boolean canRaise = RlimitChoice.canRaise();
    for (String type : RlimitChoice.TYPES.keySet()) {
      long[] v = RlimitChoice.choose(type, host, canRaise);
      if (v == null) {
        skips.put(type, RlimitChoice.whyNot(type, host));
      } else {
        cfg.rlimit(type, v[0], v[1]);
      }
    }
    Map<String, String> before = new LinkedHashMap<>();
    for (var e : RootObservation.SYSCTLS.entrySet()) {
      String now = RootObservation.hostSysctl(e.getKey());
      before.put(e.getKey(), now);
      cfg.sysctl(e.getKey(), e.getValue().get(e.getValue().get(0).equals(now) ? 1 : 0));
    }
    RuntimeConfig intended = c.bundle().write();
    ObjectNode report =
        ScriptedObserver.report(
            Container.JSON.readTree(c.bundle().dir().resolve("config.json").toFile()), probes);
    if (violation != null && violation.target() == Violation.Target.ROOT) {
      violation.edit().apply(report);
    }
    return new RootObservation(new Observation(report, intended, shared), before, skips);
  }
}
