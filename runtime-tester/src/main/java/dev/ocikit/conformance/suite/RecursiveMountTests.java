package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * config.md "Linux mount options": the recursive options (rro, rnosuid, ratime, ...), which apply a
 * flag with mount_setattr(2) and AT_RECURSIVE (Linux 5.12+) to a mount and all its submounts. Each
 * is an rbind of a host tree whose {@code sub/} is a tmpfs of its own; both the mount and its
 * submount must show the flag in mountinfo. Options that set a flag bind the plain tree; options
 * that clear one bind a tree whose mount and submount the harness has given the flag (the "set"
 * tree: ro, nosuid, nodev, noexec, nosymfollow, nodiratime, noatime; the "strict" tree:
 * strictatime). Each tree is also bound with rbind alone as the control.
 */
final class RecursiveMountTests {
  static final String DIR = "/ocikit/r";
  static final String SINCE = "1.1.0";

  /** The host trees bound, each with a tmpfs at {@code sub/}. */
  static final List<String> TREES = List.of("plain", "set", "strict");

  private static final String SET = "ro,nosuid,nodev,noexec,nosymfollow,nodiratime,noatime";

  /**
   * One recursive option.
   *
   * @param name the option
   * @param tree the host tree bound: plain, set or strict
   * @param wants the {@link MountExpect} tokens the mount and its submount must show
   * @param outcome true when mount(8) defines the effect as the default state (no control)
   */
  record Case(String name, String tree, List<String> wants, boolean outcome) {
    String dest() {
      return DIR + "/" + name;
    }
  }

  static final List<Case> CASES =
      List.of(
          c("ratime", "set", "-noatime"),
          c("rdev", "set", "-nodev"),
          c("rdiratime", "set", "-nodiratime"),
          c("rexec", "set", "-noexec"),
          c("rnoatime", "plain", "+noatime"),
          c("rnodev", "plain", "+nodev"),
          c("rnodiratime", "plain", "+nodiratime"),
          c("rnoexec", "plain", "+noexec"),
          new Case("rnorelatime", "plain", List.of("+relatime", "-noatime"), true),
          new Case("rnostrictatime", "strict", List.of("+relatime", "-noatime"), false),
          c("rnosuid", "plain", "+nosuid"),
          c("rnosymfollow", "plain", "+nosymfollow"),
          new Case("rrelatime", "set", List.of("+relatime", "-noatime"), false),
          c("rro", "plain", "+ro"),
          c("rrw", "set", "+rw"),
          new Case("rstrictatime", "plain", List.of("-relatime", "-noatime"), false),
          c("rsuid", "set", "-nosuid"),
          c("rsymfollow", "set", "-nosymfollow"));

  private RecursiveMountTests() {}

  private static Case c(String name, String tree, String want) {
    return new Case(name, tree, List.of(want), false);
  }

  /**
   * Makes the three host trees under {@code trees}, each with a tmpfs at {@code sub/}, and gives
   * the set and strict trees and their submounts their flags; every host mount made is added to
   * {@code made} for the caller to detach. Nothing is mounted for a target older than the options.
   */
  static void prepare(Path trees, List<Path> made, String target) throws IOException {
    if (!MountOptionRun.applies(SINCE, target)) {
      return;
    }
    for (String tree : TREES) {
      Path top = trees.resolve(tree);
      Path sub = Files.createDirectories(top.resolve("sub"));
      if (!tree.equals("plain")) {
        HostMount.run(List.of("mount", "--bind", top.toString(), top.toString()));
        made.add(top);
      }
      HostMount.tmpfs(sub);
      made.add(sub);
      String flags = flagsOf(tree);
      if (flags != null) {
        for (Path p : List.of(sub, top)) {
          HostMount.run(List.of("mount", "-o", "remount,bind," + flags, p.toString()));
        }
      }
    }
  }

  /** The flags {@link #prepare} gives a tree and its submount, null for the plain tree. */
  static String flagsOf(String tree) {
    return switch (tree) {
      case "set" -> SET;
      case "strict" -> "strictatime";
      default -> null;
    };
  }

  /** The control rbind of each tree, then one rbind per option. */
  static List<MountOptionRun.Planned> plan(Path trees) {
    List<MountOptionRun.Planned> p = new ArrayList<>();
    for (String tree : TREES) {
      p.add(
          MountOptionRun.Planned.bind(
              DIR + "/ctl-" + tree, trees.resolve(tree), List.of("rbind"), SINCE));
    }
    for (Case c : CASES) {
      p.add(
          MountOptionRun.Planned.bind(
              c.dest(), trees.resolve(c.tree()), List.of("rbind", c.name()), SINCE));
    }
    return p;
  }

  static List<SpecTest> all() {
    List<SpecTest> t = new ArrayList<>();
    for (Case c : CASES) {
      t.add(
          of(
                  "mounts.option." + c.name(),
                  "config.md",
                  "linux-mount-options",
                  Level.SHOULD,
                  "an rbind with "
                      + c.name()
                      + " shows "
                      + MountExpect.describe(c.wants())
                      + " on the mount and on its submount (mount_setattr AT_RECURSIVE)",
                  ctx -> judge(c, MountOptionRun.get(ctx)))
              .since(SINCE));
    }
    return t;
  }

  /** The verdict on one case: the mount and its submount against the tree's control. */
  static Verdict judge(Case c, MountOptionRun run) {
    String ctl = DIR + "/ctl-" + c.tree();
    List<String> controls = c.outcome() ? List.of() : List.of(ctl, ctl + "/sub");
    return MountExpect.judge(
        run, List.of(c.dest()), List.of(c.dest(), c.dest() + "/sub"), controls, c.wants());
  }
}
