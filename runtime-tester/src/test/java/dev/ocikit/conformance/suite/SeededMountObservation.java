package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.bundle.ConfigEditor;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link RootObservation} with its mounts, put into a context's cache without running its
 * container: the real one needs root for its host tree (a device node, a tmpfs submount). The
 * config is the real one's ({@link RootObservation.Recipe} and {@link RootObservation#mounts}); the
 * report is {@link ScriptedObserver}'s, with the mountinfo and mount probe results of a complying
 * kernel ({@link ScriptedMountTable}, {@link ScriptedMountProbes}) given the tree's submount, and
 * the one {@link MountViolation} applied to the entries it names.
 */
final class SeededMountObservation {
  private SeededMountObservation() {}

  /** Seeds {@code ctx}'s cache with the observation a runtime breaking {@code v} would give. */
  static RootObservation seed(Context ctx, MountViolation v) throws Exception {
    RootObservation root = make(ctx, v);
    return ctx.observations().get("observe-root", () -> root);
  }

  private static RootObservation make(Context ctx, MountViolation v) throws Exception {
    Container c = ctx.container();
    Path shared = c.bundle().shared();
    Path src = Files.createDirectories(c.bundle().dir().resolve("msrc/sub")).getParent();
    ConfigEditor cfg = c.bundle().config();
    List<String> probes = RootObservation.probes();
    Observation.observer(cfg, shared, probes);
    RootObservation.Recipe recipe = RootObservation.Recipe.apply(cfg);
    RootObservation.mounts(cfg, c.bundle().rootfs(), src, false);
    RuntimeConfig intended = c.bundle().write();
    JsonNode config = Container.JSON.readTree(c.bundle().dir().resolve("config.json").toFile());
    ObjectNode report = ScriptedObserver.report(config, probes);
    // The tmpfs RootObservation mounts on the tree's sub/ before create (HostMount.tmpfs).
    String sub = ScriptedMountTable.hostLine(1000, src.resolve("sub"), "tmpfs", List.of(), null);
    List<ScriptedMountTable.Mnt> host = new ArrayList<>();
    for (MountInfo i : MountInfo.parseAll(sub)) {
      host.add(ScriptedMounts.mnt(i));
    }
    ScriptedMountTable table = ScriptedMounts.table(config, c.bundle().dir(), host, v);
    ArrayNode lines = report.putArray("mountinfo");
    table.text().lines().forEach(lines::add);
    ObjectNode results = (ObjectNode) report.get("probes");
    long pid = report.path("pid").asLong();
    for (String p : MountOptionTests.PROBES) {
      results.put(p, ScriptedMountProbes.probe(table, p, pid));
    }
    return new RootObservation(
        new Observation(report, intended, shared), recipe.hostSysctls(), recipe.rlimitSkips());
  }
}
