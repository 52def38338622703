package dev.ocikit.conformance.suite;

import dev.ocikit.spec.runtime.NamespaceType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One container joining the network namespace of a helper the harness holds, with three host
 * interfaces in {@code linux.netDevices}: one with a permanent global address renamed to {@link
 * #NAMED}, two renamed by the template {@link #TEMPLATE}. Seen from the helper's namespace: the
 * links and addresses after create, the named interface's MTU after the harness changed it and the
 * container started, and the links left after delete. Each interface is a dummy, or one end of a
 * veth pair where the kernel has no dummy type.
 *
 * @param skip why the scenario could not run here (empty when it ran)
 * @param createError what create said when it failed (empty when it worked)
 * @param linksCreated {@code ip -o link} in the namespace after create
 * @param addrCreated {@code ip -o addr show NAMED} after create
 * @param linkStarted {@code ip -o link show NAMED} after the MTU change and start
 * @param linksDeleted {@code ip -o link} in the namespace after delete
 * @param onHost host interfaces of the config still on the host after create
 */
record NetDeviceRun(
    String skip,
    String createError,
    String linksCreated,
    String addrCreated,
    String linkStarted,
    String linksDeleted,
    List<String> onHost) {
  static final String NAMED = "ocikit0";
  static final String TEMPLATE = "ockt%d";
  static final String ADDRESS = "198.51.100.7/24";
  static final int MTU = 1280;

  static NetDeviceRun get(Context ctx) throws Exception {
    return ctx.observations().get("net-devices", () -> make(ctx));
  }

  private static NetDeviceRun skipped(String why) {
    return new NetDeviceRun(why, "", "", "", "", "", List.of());
  }

  private static NetDeviceRun make(Context ctx) throws Exception {
    String tag = Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 28));
    List<String> host = List.of("ockn" + tag, "ockt" + tag + "a", "ockt" + tag + "b");
    try {
      String made = "";
      for (String name : host) {
        made += addInterface(name);
      }
      if (!host.stream().allMatch(NetDeviceRun::onHost)) {
        ctx.requireBaseline();
        return skipped("cannot create dummy or veth interfaces on the host: " + made.strip());
      }
      run("ip", "addr", "add", ADDRESS, "dev", host.get(0));
      Files.createDirectories(ctx.workDir());
      Process helper =
          HelperProcesses.start(
              List.of("unshare", "--kill-child", "--fork", "--net", "sleep", "600"),
              ctx.workDir().resolve("netdev-unshare.log"));
      try {
        return observe(ctx, host, helperChild(helper));
      } finally {
        HelperProcesses.kill(helper);
      }
    } finally {
      for (String name : host) {
        run("ip", "link", "del", name);
        run("ip", "link", "del", name + "p");
      }
    }
  }

  private static NetDeviceRun observe(Context ctx, List<String> host, long holder)
      throws Exception {
    String netns = "/proc/" + holder + "/ns/net";
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER);
    c.bundle()
        .config()
        .generator()
        .linuxSettings()
        .namespace(NamespaceType.NETWORK, netns)
        .netDevice(host.get(0), NAMED)
        .netDevice(host.get(1), TEMPLATE)
        .netDevice(host.get(2), TEMPLATE);
    var r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
      return new NetDeviceRun("", r.describe(), "", "", "", "", List.of());
    }
    List<String> stillOnHost = host.stream().filter(NetDeviceRun::onHost).toList();
    String links = in(netns, "ip", "-o", "link");
    String addr = in(netns, "ip", "-o", "addr", "show", NAMED);
    in(netns, "ip", "link", "set", NAMED, "mtu", String.valueOf(MTU));
    c.startOk();
    c.awaitMarker("ran");
    String started = in(netns, "ip", "-o", "link", "show", NAMED);
    c.kill("KILL");
    c.awaitStatus("stopped");
    var d = c.delete();
    if (!d.ok()) {
      throw new Unmet("precondition: delete of the stopped container failed: " + d.describe());
    }
    return new NetDeviceRun(
        "", "", links, addr, started, in(netns, "ip", "-o", "link"), stillOnHost);
  }

  private static long helperChild(Process helper) {
    @SuppressWarnings("unchecked")
    Optional<ProcessHandle>[] found = new Optional[] {Optional.empty()};
    Context.await(
        () -> (found[0] = helper.children().findFirst()).isPresent(), Duration.ofSeconds(5));
    return found[0]
        .orElseThrow(() -> new Unmet("precondition: `unshare --fork … sleep` started no child"))
        .pid();
  }

  /**
   * A dummy named {@code name}, or a veth end of that name where dummies are missing (both can
   * change namespace); returns what {@code ip} said.
   */
  static String addInterface(String name) {
    String out = run("ip", "link", "add", name, "type", "dummy");
    if (!onHost(name)) {
      out += run("ip", "link", "add", name, "type", "veth", "peer", "name", name + "p");
    }
    return out;
  }

  /** Interface names in {@code ip -o link} output that the template {@code ockt%d} produced. */
  static List<String> templateNames(String ipLinks) {
    List<String> out = new ArrayList<>();
    for (String line : ipLinks.split("\n")) {
      String[] f = line.split(":\\s+", 3);
      if (f.length > 1) {
        String name = f[1].split("@")[0];
        if (name.matches("ockt\\d+") && !out.contains(name)) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** Whether {@code ip -o link} output shows interface {@code name}. */
  static boolean hasLink(String ipLinks, String name) {
    return ipLinks.contains(": " + name + ":") || ipLinks.contains(": " + name + "@");
  }

  /** The MTU in one {@code ip -o link show} line, or -1. */
  static int mtu(String ipLink) {
    var m = java.util.regex.Pattern.compile("\\bmtu (\\d+)").matcher(ipLink);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Whether the host's network namespace has interface {@code name}. */
  static boolean onHost(String name) {
    return hasLink(run("ip", "-o", "link", "show", name), name);
  }

  private static String in(String netns, String... command) {
    List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + netns));
    full.addAll(List.of(command));
    return run(full.toArray(String[]::new));
  }

  /** A host command's output (stdout and stderr), or what went wrong; never throws. */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "<" + command[0] + " timed out>";
      }
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      return "<" + command[0] + ": " + e.getMessage() + ">";
    }
  }
}
