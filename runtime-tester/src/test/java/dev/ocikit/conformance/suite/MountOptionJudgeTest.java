package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.suite.Verdict.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mount option judges on mountinfo built from proc(5)'s format: a complying mount passes, one
 * that breaks exactly the rule fails, and a control that already shows the effect makes a SKIP.
 */
class MountOptionJudgeTest {

  private static void assertOutcome(Outcome want, Verdict v, String what) {
    assertEquals(want, v.outcome(), what + ": " + v);
  }

  @Test
  void parsesTheFieldsProcDocuments() {
    MountInfo m =
        MountInfo.parse(
            "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue");
    assertEquals("36", m.id());
    assertEquals("35", m.parentId());
    assertEquals("/mnt2", m.mountPoint());
    assertEquals(List.of("rw", "noatime"), m.mountOptions());
    assertEquals(List.of("master:1"), m.tags());
    assertEquals("ext3", m.fsType());
    assertEquals(List.of("rw", "errors=continue"), m.superOptions());
    assertEquals("slave", m.propagation());
    assertNull(MountInfo.parse("36 35 98:0 /mnt1 /mnt2 rw,noatime"));
    assertNull(MountInfo.parse("garbage - -"));
  }

  @Test
  void everyFlagCaseFollowsItsTokens() {
    for (MountFlagTests.Case c : MountFlagTests.CASES) {
      String own = c.dest();
      switch (c.kind()) {
        case CHANGE -> {
          String ctl = c.control();
          var good = new MountLines().mount(ctl, c.wants(), true).mount(own, c.wants(), false);
          assertOutcome(Outcome.PASS, MountFlagTests.judge(c, good.run()), c.name());
          var bad = new MountLines().mount(ctl, c.wants(), true).mount(own, c.wants(), true);
          assertOutcome(Outcome.FAIL, MountFlagTests.judge(c, bad.run()), c.name());
          var blind = new MountLines().mount(ctl, c.wants(), false).mount(own, c.wants(), false);
          assertOutcome(Outcome.SKIP, MountFlagTests.judge(c, blind.run()), c.name());
        }
        case OUTCOME -> {
          var good = new MountLines().mount(own, c.wants(), false);
          assertOutcome(Outcome.PASS, MountFlagTests.judge(c, good.run()), c.name());
          var bad = new MountLines().mount(own, c.wants().subList(0, 1), true);
          assertOutcome(Outcome.FAIL, MountFlagTests.judge(c, bad.run()), c.name());
        }
        case ACCEPTED, HIDDEN -> {
          var made = new MountLines().mount(own, List.of(), false);
          Outcome want = c.kind() == MountFlagTests.Kind.ACCEPTED ? Outcome.PASS : Outcome.SKIP;
          assertOutcome(want, MountFlagTests.judge(c, made.run()), c.name());
        }
      }
      Verdict missing =
          MountFlagTests.judge(c, new MountLines().mount("/else", List.of(), false).run());
      assertOutcome(Outcome.FAIL, missing, c.name() + " absent");
      Verdict refused = MountFlagTests.judge(c, new MountLines().refuse(own, "EINVAL").run());
      assertOutcome(Outcome.FAIL, refused, c.name() + " refused");
      assertTrue(refused.actual().contains("EINVAL"), refused.toString());
    }
  }

  @Test
  void aClearingOptionIgnoredLeavesTheFlagAndFails() {
    MountFlagTests.Case async = MountFlagTests.CASES.get(0);
    assertEquals("async", async.name());
    MountOptionRun run =
        new MountLines()
            .line("10 1 0:10 / /ocikit/o/sync rw,relatime - tmpfs tmpfs rw,sync")
            .line("11 1 0:11 / /ocikit/o/sync-async rw,relatime - tmpfs tmpfs rw,sync")
            .run();
    Verdict v = MountFlagTests.judge(async, run);
    assertOutcome(Outcome.FAIL, v, "async ignored");
    assertTrue(v.actual().contains("/ocikit/o/sync-async"), v.toString());
  }

  @Test
  void recursiveOptionsNeedTheFlagOnTheSubmountToo() {
    for (RecursiveMountTests.Case c : RecursiveMountTests.CASES) {
      String ctl = RecursiveMountTests.DIR + "/ctl-" + c.tree();
      String d = c.dest();
      var good =
          new MountLines()
              .mount(ctl, c.wants(), true)
              .mount(ctl + "/sub", c.wants(), true)
              .mount(d, c.wants(), false)
              .mount(d + "/sub", c.wants(), false);
      assertOutcome(Outcome.PASS, RecursiveMountTests.judge(c, good.run()), c.name());
      var topOnly =
          new MountLines()
              .mount(ctl, c.wants(), true)
              .mount(ctl + "/sub", c.wants(), true)
              .mount(d, c.wants(), false)
              .mount(d + "/sub", c.wants(), true);
      assertOutcome(Outcome.FAIL, RecursiveMountTests.judge(c, topOnly.run()), c.name());
      var noSub = new MountLines().mount(ctl, c.wants(), true).mount(d, c.wants(), false);
      assertOutcome(Outcome.FAIL, RecursiveMountTests.judge(c, noSub.run()), c.name());
      if (!c.outcome()) {
        var blind =
            new MountLines()
                .mount(ctl, c.wants(), false)
                .mount(ctl + "/sub", c.wants(), false)
                .mount(d, c.wants(), false)
                .mount(d + "/sub", c.wants(), false);
        assertOutcome(Outcome.SKIP, RecursiveMountTests.judge(c, blind.run()), c.name());
      }
    }
  }

  private static String prop(int id, String point, String tags) {
    return id + " 1 0:" + id + " / " + point + " rw,relatime " + tags + " - tmpfs tmpfs rw";
  }

  private static Verdict propagation(String option, String ctlTags, String ownTags) {
    String own = option.equals("shared") ? "/ocikit/p/peer" : "/ocikit/p/" + option;
    String ctl = option.equals("shared") ? "/ocikit/p/bound" : "/ocikit/p/ctl";
    MountLines l = new MountLines().line(prop(20, ctl, ctlTags)).line(prop(21, own, ownTags));
    if (option.equals("rslave")) {
      l.line(prop(22, ctl + "/sub", "shared:9")).line(prop(23, own + "/sub", "master:9"));
    }
    return PropagationOptionTests.judge(option, l.run());
  }

  @Test
  void propagationOptionsAreJudgedFromTheOptionalFields() {
    assertOutcome(Outcome.PASS, propagation("shared", "", "shared:5"), "shared");
    assertOutcome(Outcome.FAIL, propagation("shared", "", ""), "shared ignored");
    assertOutcome(Outcome.SKIP, propagation("shared", "shared:3", "shared:5"), "shared blind");
    assertOutcome(Outcome.PASS, propagation("private", "shared:7", ""), "private");
    assertOutcome(Outcome.FAIL, propagation("private", "shared:7", "shared:7"), "private ignored");
    assertOutcome(Outcome.PASS, propagation("slave", "shared:7", "master:7"), "slave");
    assertOutcome(Outcome.FAIL, propagation("slave", "shared:7", "shared:7"), "slave ignored");
    assertOutcome(
        Outcome.FAIL, propagation("slave", "shared:7", "shared:8 master:7"), "still shared");
    assertOutcome(Outcome.SKIP, propagation("slave", "", ""), "no peer to follow");
    assertOutcome(Outcome.PASS, propagation("rslave", "shared:7", "master:7"), "rslave");
    assertOutcome(Outcome.FAIL, propagation("rslave", "shared:7", "shared:7"), "rslave ignored");
    assertOutcome(Outcome.PASS, propagation("unbindable", "shared:7", "unbindable"), "unbindable");
    assertOutcome(Outcome.FAIL, propagation("unbindable", "shared:7", "shared:7"), "ignored");
  }

  @Test
  void listedOrderIsTheParentOfTheInnerMount() {
    String outer = "30 1 0:30 / /ocikit/order rw,relatime - ext4 /dev/sda rw";
    assertOutcome(
        Outcome.PASS,
        MountOrderTests.order(
            new MountLines()
                .line(outer)
                .line("31 30 0:31 / /ocikit/order/inner rw,relatime - tmpfs tmpfs rw")
                .run()),
        "in order");
    assertOutcome(
        Outcome.FAIL,
        MountOrderTests.order(
            new MountLines()
                .line("31 1 0:31 / /ocikit/order/inner rw,relatime - tmpfs tmpfs rw")
                .line(outer)
                .run()),
        "inner first, then covered");
  }

  @Test
  void remountChangesTheOneMount() {
    String ro = "40 1 0:40 / /ocikit/x/remount ro,relatime - tmpfs tmpfs ro";
    String rw = "41 1 0:41 / /ocikit/x/remount rw,relatime - tmpfs tmpfs rw";
    assertOutcome(Outcome.PASS, MountOrderTests.remount(new MountLines().line(ro).run()), "ro");
    assertOutcome(Outcome.FAIL, MountOrderTests.remount(new MountLines().line(rw).run()), "rw");
    assertOutcome(
        Outcome.FAIL,
        MountOrderTests.remount(new MountLines().line(rw).line(ro).run()),
        "a second mount stacked instead of a remount");
    assertOutcome(
        Outcome.PASS,
        MountOrderTests.relative(
            new MountLines().line("50 1 0:50 / /ocikit-rel rw - tmpfs tmpfs rw").run()),
        "relative");
    assertOutcome(
        Outcome.FAIL,
        MountOrderTests.relative(new MountLines().refuse("ocikit-rel", "not absolute").run()),
        "relative refused");
  }

  @Test
  void culpritsAreTheMountsAnErrorNames() {
    var plan =
        List.of(
            MountOptionRun.Planned.tmpfs("/ocikit/o/iversion", List.of("iversion"), "1.0.0"),
            MountOptionRun.Planned.tmpfs(
                "/ocikit/o/iversion-noiversion", List.of("iversion", "noiversion"), "1.0.0"),
            MountOptionRun.Planned.tmpfs("/ocikit/p/peer", List.of("shared"), "1.0.0"),
            new MountOptionRun.Planned(
                "/ocikit/p/slave",
                "bind",
                "/b/rootfs/ocikit/p/peer",
                List.of("bind", "slave"),
                "1.0.0"));
    assertEquals(
        List.of("/ocikit/o/iversion"),
        MountOptionRun.culprits(plan, "mount `tmpfs` to `ocikit/o/iversion`: Invalid argument"));
    assertEquals(
        List.of("/ocikit/o/iversion-noiversion"),
        MountOptionRun.culprits(
            plan, "error mounting \"tmpfs\" to rootfs at \"/ocikit/o/iversion-noiversion\""));
    assertEquals(
        List.of("/ocikit/p/peer"),
        MountOptionRun.culprits(plan, "mount option \"shared\" is not supported"));
    assertEquals(
        List.of("/ocikit/p/slave"),
        MountOptionRun.culprits(
            plan, "mount /b/rootfs/ocikit/p/peer:/b/rootfs/ocikit/p/slave: invalid argument"));
    assertEquals(List.of(), MountOptionRun.culprits(plan, "cgroup: permission denied"));
    String runc =
        "time=\"t\" level=warning msg=\"mount destination /ocikit/p/peer is not absolute\"\n"
            + "time=\"t\" level=error msg=\"error mounting \\\"tmpfs\\\" to rootfs at"
            + " \\\"/ocikit/o/iversion\\\": invalid argument\"";
    assertEquals(
        List.of("/ocikit/o/iversion"),
        MountOptionRun.culprits(plan, MountOptionRun.errors(runc)),
        "a warning naming another mount is not the refusal");
  }

  @Test
  void checksOfNewerReleasesAreLeftOutOfOlderTargets() {
    assertTrue(MountOptionRun.applies("1.0.0", "1.0.2"));
    assertTrue(MountOptionRun.applies("1.1.0", "1.3.0"));
    assertEquals(false, MountOptionRun.applies("1.1.0", "1.0.2"));
  }
}
