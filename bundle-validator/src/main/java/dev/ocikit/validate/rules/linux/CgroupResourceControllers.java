package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.validate.host.Host;
import dev.ocikit.validate.host.Host.Cgroups;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.HostRule;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * config-linux.md control groups: each linux.resources object "represents the cgroup subsystem" of
 * its name. No sentence says what a runtime does when that controller is missing, so this is
 * advice. Device rules need no controller on cgroup v2 (they are an eBPF program), and net_cls and
 * net_prio have no v2 controller at all.
 */
public final class CgroupResourceControllers extends HostRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "host.cgroups.resource-controllers",
          Level.ADVICE,
          "The cgroup controller behind every linux.resources setting is available on this host.",
          SpecLinks.configLinux("control-groups"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(ConfigContext ctx, Host host) {
    JsonNode resources = ctx.document().root().path("linux").path("resources");
    Cgroups cg = resources.isObject() ? host.cgroups().orElse(null) : null;
    if (cg == null) {
      return;
    }
    for (Map.Entry<String, String> need : needs(resources, cg.version()).entrySet()) {
      String controller = need.getValue();
      if (!cg.controllers().contains(controller)) {
        ctx.report(
            INFO,
            need.getKey(),
            "advice: "
                + need.getKey().substring(1).replace('/', '.')
                + " needs the "
                + controller
                + " controller, which this host's cgroup v"
                + cg.version()
                + " hierarchy does not offer");
      }
    }
  }

  /** Pointer of each setting → the controller it needs, first setting per controller. */
  private static Map<String, String> needs(JsonNode res, int version) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean v2 = version == 2;
    need(out, res, "memory", "memory");
    need(out, res, "pids", "pids");
    need(out, res, "rdma", "rdma");
    need(out, res, "hugepageLimits", "hugetlb");
    need(out, res, "blockIO", v2 ? "io" : "blkio");
    if (!v2) {
      need(out, res, "devices", "devices");
    }
    JsonNode cpu = res.path("cpu");
    for (String f : new String[] {"cpus", "mems"}) {
      need(out, cpu, f, "cpuset", "/linux/resources/cpu/");
    }
    for (String f : new String[] {"shares", "quota", "burst", "period", "idle"}) {
      need(out, cpu, f, "cpu", "/linux/resources/cpu/");
    }
    if (!v2) {
      need(out, cpu, "realtimeRuntime", "cpu", "/linux/resources/cpu/");
    }
    JsonNode net = res.path("network");
    // cgroup v2 has neither; the names make the message say so
    need(out, net, "classID", "net_cls", "/linux/resources/network/");
    need(out, net, "priorities", "net_prio", "/linux/resources/network/");
    return out;
  }

  private static void need(Map<String, String> out, JsonNode res, String key, String controller) {
    need(out, res, key, controller, "/linux/resources/");
  }

  private static void need(
      Map<String, String> out, JsonNode parent, String key, String controller, String prefix) {
    JsonNode v = parent.path(key);
    boolean set =
        v.isNumber()
            || (v.isString() && !v.asString().isEmpty())
            || (v.isContainer() && !v.isEmpty());
    if (set && !out.containsValue(controller)) {
      out.put(prefix + key, controller);
    }
  }
}
