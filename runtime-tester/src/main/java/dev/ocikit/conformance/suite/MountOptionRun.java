package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.bundle.ConfigEditor;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.validate.schema.VersionCheck.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one container behind the mount option checks ({@link MountOptionChecks}): every planned mount
 * (a small tmpfs per option, binds of prepared host trees with a submount, propagation binds) in a
 * single config; its process copies its own {@code /proc/self/mountinfo} to the shared dir, so
 * runtimes with their own kernel view (gVisor) are judged by what the container sees.
 *
 * <p>One refused option must not hide the verdicts of all others: when create fails and its error
 * names planned destinations or a quoted option, those mounts are recorded as refused and create is
 * tried again without them; the checks of refused mounts fail with the runtime's message.
 *
 * @param mounts the container's mountinfo, parsed
 * @param refused the planned destinations create refused, each with the runtime's message
 */
record MountOptionRun(List<MountInfo> mounts, Map<String, String> refused) {
  /** Enough for a runtime that names one unknown option per create (runsc: the 18 r* options). */
  private static final int ATTEMPTS = 32;

  /** Leaves room within the per-test timeout for the run itself. */
  private static final Duration BUDGET = Duration.ofSeconds(12);

  private static final int EXCERPT = 400;
  private static final Pattern WARNING =
      Pattern.compile("level=warn|^\\s*warn", Pattern.CASE_INSENSITIVE);
  private static final String REPORT =
      "cat /proc/self/mountinfo > $MARK/mountinfo.tmp && mv $MARK/mountinfo.tmp $MARK/mountinfo";

  /**
   * One mount the run asks for.
   *
   * @param dest the destination as written in the config
   * @param source the host path for binds, else the filesystem name
   * @param since the runtime-spec release of the check that needs it; left out for older targets
   */
  record Planned(String dest, String type, String source, List<String> options, String since) {
    static Planned tmpfs(String dest, List<String> options, String since) {
      return new Planned(dest, "tmpfs", "tmpfs", options, since);
    }

    static Planned bind(String dest, Path source, List<String> options, String since) {
      return new Planned(dest, "bind", source.toString(), options, since);
    }
  }

  /**
   * Makes the host mounts of the bound trees ({@link RecursiveMountTests#prepare}), adding each to
   * {@code made} for detaching. A seam: the judge tests, which run without root, pass one that only
   * describes those mounts to their scripted runtime, and the rest of the run is this one.
   */
  @FunctionalInterface
  interface HostTrees {
    void prepare(Path trees, List<Path> made, String target) throws IOException;
  }

  static MountOptionRun get(Context ctx) throws Exception {
    return ctx.observations().get("mount-options", () -> make(ctx, RecursiveMountTests::prepare));
  }

  /** The run, with the host trees' mounts made by {@code hostTrees}. */
  static MountOptionRun make(Context ctx, HostTrees hostTrees) throws Exception {
    Path trees = Files.createDirectories(ctx.workDir().resolve("mount-trees"));
    List<Path> hostMounts = new ArrayList<>();
    try {
      MountOrderTests.prepare(trees);
      PropagationOptionTests.prepare(trees);
      hostTrees.prepare(trees, hostMounts, ctx.ociVersion());
      Map<String, String> refused = new LinkedHashMap<>();
      long deadline = System.nanoTime() + BUDGET.toNanos();
      for (int attempt = 0; attempt < ATTEMPTS && System.nanoTime() < deadline; attempt++) {
        Container c = ctx.container();
        List<Planned> plan = new ArrayList<>();
        for (Planned p : plan(trees, c.bundle().rootfs())) {
          // Every mount point exists, refused or not: a later bind may name one as its source.
          String rel = p.dest().startsWith("/") ? p.dest().substring(1) : p.dest();
          Files.createDirectories(c.bundle().rootfs().resolve(rel));
          if (applies(p.since(), ctx.ociVersion()) && !refused.containsKey(p.dest())) {
            plan.add(p);
          }
        }
        configure(c, plan);
        CallResult r = c.create();
        if (r.ok()) {
          return observe(c, refused);
        }
        String error = errors(r.stdout() + "\n" + r.stderr());
        List<String> culprits = culprits(plan, error);
        if (culprits.isEmpty()) {
          throw new Unmet(
              "precondition: create with the mount option set failed naming none of its mounts: "
                  + r.describe());
        }
        String why = "create exited " + r.exitCode() + ": " + excerpt(error);
        culprits.forEach(d -> refused.put(d, why));
      }
      throw new Unmet(
          "precondition: create still failed after "
              + BUDGET.toSeconds()
              + " s of attempts, each refusing other mounts: "
              + refused);
    } finally {
      Collections.reverse(hostMounts);
      hostMounts.forEach(HostMount::detach);
    }
  }

  /** Every mount of every check, in the order the checks need them listed. */
  static List<Planned> plan(Path trees, Path rootfs) {
    List<Planned> all = new ArrayList<>();
    all.addAll(MountFlagTests.plan());
    all.addAll(RecursiveMountTests.plan(trees));
    all.addAll(PropagationOptionTests.plan(trees, rootfs));
    all.addAll(MountOrderTests.plan(trees));
    return all;
  }

  private static void configure(Container c, List<Planned> plan) {
    ConfigEditor cfg = c.bundle().config();
    cfg.shell(REPORT);
    for (Planned p : plan) {
      cfg.mount(p.dest(), p.type(), p.source(), p.options().toArray(String[]::new));
    }
  }

  private static MountOptionRun observe(Container c, Map<String, String> refused) throws Exception {
    c.startOk();
    Path out = c.bundle().shared().resolve("mountinfo");
    if (!Context.await(() -> Files.exists(out), Duration.ofSeconds(15))) {
      throw new Unmet("precondition: the container wrote no mountinfo; status " + c.status());
    }
    return new MountOptionRun(MountInfo.parseAll(Files.readString(out)), Map.copyOf(refused));
  }

  /** Whether a check of a {@code since} release applies to a runtime targeted at {@code target}. */
  static boolean applies(String since, String target) {
    SpecVersion s = SpecVersion.parse(since);
    SpecVersion t = SpecVersion.parse(target);
    return s == null || t == null || s.compareTo(t) <= 0;
  }

  /**
   * The runtime's output without its warning lines: runc warns about every relative destination,
   * which would otherwise look like the refused mount.
   */
  static String errors(String output) {
    return output
        .lines()
        .filter(l -> !l.isBlank() && !WARNING.matcher(l).find())
        .collect(Collectors.joining("\n"));
  }

  private static String excerpt(String error) {
    String one = error.replaceAll("\\s+", " ").strip();
    return one.length() <= EXCERPT ? one : one.substring(0, EXCERPT) + "...";
  }

  /**
   * The planned destinations a create error names: by destination (runc quotes it with its leading
   * slash, crun without), or by an option quoted the way runtimes quote it. A destination that is
   * also the source of another named mount is the source side of that bind, not the refused one.
   */
  static List<String> culprits(List<Planned> plan, String error) {
    List<String> named = new ArrayList<>();
    for (Planned p : plan) {
      String rel = p.dest().startsWith("/") ? p.dest().substring(1) : p.dest();
      boolean byDest =
          Pattern.compile("(?<![\\w-])" + Pattern.quote(rel) + "(?![\\w/-])").matcher(error).find();
      boolean byOption =
          p.options().stream()
              .filter(o -> !o.equals("bind") && !o.equals("rbind"))
              .anyMatch(o -> error.contains("\"" + o + "\"") || error.contains("'" + o + "'"));
      if (byDest || byOption) {
        named.add(p.dest());
      }
    }
    List<String> targets = new ArrayList<>(named);
    for (Planned p : plan) {
      if (named.contains(p.dest())) {
        targets.removeIf(d -> !d.equals(p.dest()) && p.source().endsWith(d));
      }
    }
    return targets.isEmpty() ? named : targets;
  }
}
