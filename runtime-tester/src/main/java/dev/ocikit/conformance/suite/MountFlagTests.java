package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * config.md "Linux mount options": one check per filesystem-independent flag, each on a tmpfs of
 * its own in {@link MountOptionRun}, judged from mountinfo. An option that clears a flag follows
 * the option setting it ({@code sync,async}): mount(8) lets the last of two conflicting options
 * win, so a runtime that ignores the clearing option leaves the flag visible. The control of each
 * check is the tmpfs made with the options before the judged one ({@code sync} for {@code
 * sync,async}, none for a single option).
 */
final class MountFlagTests {
  static final String DIR = "/ocikit/o";
  private static final String OPTIONS = "linux-mount-options";

  /** How a case is judged. */
  enum Kind {
    /** The option changes a flag: judged against its control. */
    CHANGE,
    /** mount(8) defines its effect as the kernel's default state: judged on the outcome alone. */
    OUTCOME,
    /** The flag only affects kernel messages: a created mount is all the spec asks. */
    ACCEPTED,
    /** Neither mountinfo nor statmount(2) reports the flag: created, then SKIP. */
    HIDDEN
  }

  /**
   * One option.
   *
   * @param name the judged option, the last of {@code options}
   * @param options the mount's options
   * @param wants the {@link MountExpect} tokens the mount must show
   */
  record Case(String name, List<String> options, Kind kind, List<String> wants, String since) {
    String dest() {
      return destOf(options);
    }

    String control() {
      return destOf(options.subList(0, options.size() - 1));
    }
  }

  static final List<Case> CASES =
      List.of(
          change("async", List.of("sync", "async"), "s-sync"),
          change("atime", List.of("noatime", "atime"), "-noatime"),
          new Case(
              "defaults",
              List.of("defaults"),
              Kind.OUTCOME,
              List.of("+rw", "-nosuid", "-nodev", "-noexec", "s-sync"),
              SpecTest.BASELINE),
          change("dev", List.of("nodev", "dev"), "-nodev"),
          change("diratime", List.of("nodiratime", "diratime"), "-nodiratime"),
          change("dirsync", List.of("dirsync"), "s+dirsync"),
          change("exec", List.of("noexec", "exec"), "-noexec"),
          hidden("iversion", List.of("iversion")),
          change("lazytime", List.of("lazytime"), "s+lazytime"),
          accepted("loud"),
          change("noatime", List.of("noatime"), "+noatime"),
          change("nodiratime", List.of("nodiratime"), "+nodiratime"),
          hidden("noiversion", List.of("iversion", "noiversion")),
          change("nolazytime", List.of("lazytime", "nolazytime"), "s-lazytime"),
          new Case(
              "norelatime",
              List.of("norelatime"),
              Kind.OUTCOME,
              List.of("+relatime", "-noatime"),
              SpecTest.BASELINE),
          change("nostrictatime", List.of("strictatime", "nostrictatime"), "+relatime"),
          new Case(
              "nosymfollow", List.of("nosymfollow"), Kind.CHANGE, List.of("+nosymfollow"), "1.1.0"),
          new Case(
              "relatime",
              List.of("relatime"),
              Kind.OUTCOME,
              List.of("+relatime", "-noatime"),
              SpecTest.BASELINE),
          change("rw", List.of("ro", "rw"), "+rw"),
          accepted("silent"),
          new Case(
              "strictatime",
              List.of("strictatime"),
              Kind.CHANGE,
              List.of("-relatime", "-noatime"),
              SpecTest.BASELINE),
          change("suid", List.of("nosuid", "suid"), "-nosuid"),
          new Case(
              "symfollow",
              List.of("nosymfollow", "symfollow"),
              Kind.CHANGE,
              List.of("-nosymfollow"),
              "1.1.0"),
          change("sync", List.of("sync"), "s+sync"));

  private MountFlagTests() {}

  private static Case change(String name, List<String> options, String want) {
    return new Case(name, options, Kind.CHANGE, List.of(want), SpecTest.BASELINE);
  }

  private static Case accepted(String name) {
    return new Case(name, List.of(name), Kind.ACCEPTED, List.of(), SpecTest.BASELINE);
  }

  private static Case hidden(String name, List<String> options) {
    return new Case(name, options, Kind.HIDDEN, List.of(), SpecTest.BASELINE);
  }

  /** The destination of the tmpfs made with {@code options}: their names joined by '-'. */
  static String destOf(List<String> options) {
    return DIR + "/" + (options.isEmpty() ? "plain" : String.join("-", options));
  }

  /** Each case's tmpfs and every control it needs, once, in case order. */
  static List<MountOptionRun.Planned> plan() {
    Set<String> seen = new LinkedHashSet<>();
    List<MountOptionRun.Planned> p = new ArrayList<>();
    for (Case c : CASES) {
      for (int n = 0; n <= c.options().size(); n++) {
        List<String> opts = c.options().subList(0, n);
        if (seen.add(destOf(opts))) {
          p.add(MountOptionRun.Planned.tmpfs(destOf(opts), opts, c.since()));
        }
      }
    }
    return p;
  }

  static List<SpecTest> all() {
    List<SpecTest> t = new ArrayList<>();
    for (Case c : CASES) {
      boolean should = c.since().equals("1.1.0");
      t.add(
          of(
                  "mounts.option." + c.name(),
                  "config.md",
                  OPTIONS,
                  should ? Level.SHOULD : Level.MUST,
                  title(c),
                  ctx -> judge(c, MountOptionRun.get(ctx)))
              .since(c.since()));
    }
    return t;
  }

  private static String title(Case c) {
    String mount = "a tmpfs with " + String.join(",", c.options());
    return switch (c.kind()) {
      case CHANGE -> mount + " shows " + MountExpect.describe(c.wants()) + " in mountinfo";
      case OUTCOME ->
          mount + " shows mount(8)'s result, the kernel default " + MountExpect.describe(c.wants());
      case ACCEPTED -> mount + " is created (the flag only quiets or restores kernel messages)";
      case HIDDEN -> mount + " is created (mountinfo and statmount cannot show SB_I_VERSION)";
    };
  }

  /** The verdict on one case from the observed mounts. */
  static Verdict judge(Case c, MountOptionRun run) {
    List<String> dests = List.of(c.dest());
    return switch (c.kind()) {
      case CHANGE -> MountExpect.judge(run, dests, dests, List.of(c.control()), c.wants());
      case OUTCOME -> MountExpect.judge(run, dests, dests, List.of(), c.wants());
      case ACCEPTED -> {
        Verdict v = MountExpect.notCreated(run, dests, dests);
        yield v == null ? Verdict.pass() : v;
      }
      case HIDDEN -> {
        Verdict v = MountExpect.notCreated(run, dests, dests);
        yield v != null
            ? v
            : Verdict.skip(
                c.name()
                    + " is accepted, but its effect (the superblock's SB_I_VERSION) shows in"
                    + " neither mountinfo nor statmount(2)");
      }
    };
  }
}
