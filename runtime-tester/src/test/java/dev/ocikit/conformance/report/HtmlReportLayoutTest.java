package dev.ocikit.conformance.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.TestStatus;
import dev.ocikit.spec.requirement.RequirementCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the HTML report shows, section by section, for a run of three runtimes. */
class HtmlReportLayoutTest {
  private static final String HTML = HtmlMatrix.render(SampleReports.threeRuntimes());

  /** The text of {@code <section id="ID">}; fails when the page has no such section. */
  static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    assertTrue(start >= 0, "no section " + id + " in\n" + html);
    return html.substring(start, html.indexOf("</section>", start));
  }

  @Test
  void sectionsComeInTheOrderACiEngineerReadsThem() {
    List<String> ids =
        List.of(
            "runtimes",
            "problems",
            "failures",
            "areas",
            "differences",
            "skips",
            "matrix",
            "details");
    for (int i = 1; i < ids.size(); i++) {
      int before = HTML.indexOf("<section id=\"" + ids.get(i - 1) + "\">");
      int after = HTML.indexOf("<section id=\"" + ids.get(i) + "\">");
      assertTrue(
          before >= 0 && before < after, ids.get(i - 1) + " should come before " + ids.get(i));
    }
  }

  @Test
  void eachRuntimeHasAHeaderWithOptionsVersionTargetAdaptationsAndCounts() {
    String runtimes = section(HTML, "runtimes");
    String runc = runtimes.substring(runtimes.indexOf("id=\"runtime-0\""));
    runc = runc.substring(0, runc.indexOf("id=\"runtime-1\""));
    assertTrue(runc.contains("<code>/usr/sbin/runc --root /run/ocikit-runc</code>"), runc);
    assertTrue(runc.contains("<code>--root /run/ocikit-runc</code>"), runc);
    assertTrue(runc.contains("runc version 1.1.5+ds1"), runc);
    assertTrue(
        runc.contains("1.0.2 <span class=\"note\">(features ociVersionMax 1.0.2-dev)"), runc);
    assertTrue(runc.contains("<span class=\"st FAIL\">FAIL 2</span>"), runc);
    assertTrue(runc.contains("<span class=\"st XFAIL\">XFAIL 1</span>"), runc);
    assertTrue(runc.contains("<span class=\"st SKIP\">SKIP 2</span>"), runc);
    assertTrue(runc.contains("<i>none</i>"), "runc has no adaptations: " + runc);
    assertTrue(runc.contains("0.8 s in its tests, summed"), runc);
    String crun = runtimes.substring(runtimes.indexOf("id=\"runtime-1\""));
    assertTrue(crun.contains("<li>private mount namespace without /sys/fs/cgroup/unified</li>"));
    assertTrue(crun.contains("<span class=\"st XPASS\">XPASS 1</span>"), crun);
  }

  @Test
  void failuresHoldUnexpectedFailAndXpassMustFirstWithExpectedActualAndSpecLink() {
    String failures = section(HTML, "failures");
    assertTrue(failures.contains("Failures (3)"), failures);
    int blkio = failures.indexOf("<code>cgroups.blkio-weight</code> on <b>runc</b>");
    int delete = failures.indexOf("<code>delete.created-without-force-fails</code> on <b>runc</b>");
    int xpass = failures.indexOf("<code>hooks.order</code> on <b>crun</b>");
    assertTrue(0 <= blkio && blkio < delete && delete < xpass, failures);
    assertTrue(failures.contains("<pre>blkio.weight 500 in the container&apos;s cgroup</pre>"));
    assertTrue(failures.contains("<pre>blkio.weight 100 (file /sys/fs/cgroup/blkio/"), failures);
    assertTrue(
        failures.contains(
            "<a href=\""
                + SampleReports.SPEC
                + "config-linux.md#block-io\">config-linux.md#block-io</a>"),
        failures);
    String requirement = RequirementCatalog.shipped().forTest("cgroups.blkio-weight").get(0);
    assertTrue(failures.contains(requirement), failures);
    assertTrue(failures.contains("crun 1.8.1 ran poststart early"), "the stale entry's reason");
    assertFalse(failures.contains("runc runs poststart during create"), "an XFAIL is no failure");
    assertFalse(failures.contains("lifecycle.start-twice"), "a PASS is no failure");
  }

  @Test
  void areaCountsArePerSectionAndRuntime() {
    String areas = section(HTML, "areas");
    String blkioRow =
        "<tr class=\"bad\"><td><a href=\""
            + SampleReports.SPEC
            + "config-linux.md#block-io\">config-linux.md#block-io</a></td>"
            + cells(0, 1, 0, 0, 0)
            + cells(1, 0, 0, 0, 0)
            + cells(0, 0, 0, 0, 1)
            + "</tr>";
    assertTrue(areas.contains(blkioRow), areas);
    String pidsRow =
        "<tr><td><a href=\""
            + SampleReports.SPEC
            + "config-linux.md#pids\">config-linux.md#pids</a></td>"
            + cells(0, 0, 0, 0, 1).repeat(3)
            + "</tr>";
    assertTrue(areas.contains(pidsRow), areas);
    assertTrue(
        areas.contains(
            "<tr class=\"total\"><td>all areas</td>"
                + cells(2, 2, 1, 0, 2)
                + cells(4, 0, 0, 1, 2)
                + cells(4, 0, 0, 0, 3)));
  }

  @Test
  void differencesListOnlyTestsWhoseStatusDiffersSideBySide() {
    String diff = section(HTML, "differences");
    assertTrue(diff.contains("Differences between runtimes (3)"), diff);
    for (String id : List.of("cgroups.blkio-weight", "delete.created-without-force-fails")) {
      assertTrue(diff.contains("<code>" + id + "</code>"), id + " differs: " + diff);
    }
    for (String id : List.of("lifecycle.start-twice", "process.cwd", "cgroups.v2.pids-limit")) {
      assertFalse(diff.contains(id), id + " is alike everywhere: " + diff);
    }
    assertTrue(diff.contains("SKIP</a><br><span class=\"why\">no blkio</span>"), diff);
    assertTrue(diff.contains("FAIL</a><br><span class=\"why\">blkio.weight 100"), diff);
  }

  @Test
  void skipReasonsAreGroupedPerRuntimeMostFrequentFirst() {
    String skips = section(HTML, "skips");
    String gvisor = skips.substring(skips.indexOf("<h3>gvisor: 3 skipped</h3>"));
    String group = "<tr><td>" + SampleReports.NO_CGROUP_V2 + "</td><td class=\"n\">2</td><td>";
    assertTrue(gvisor.contains(group), gvisor);
    assertTrue(gvisor.indexOf(group) < gvisor.indexOf("<tr><td>no blkio</td><td class=\"n\">1"));
    String runc = skips.substring(skips.indexOf("<h3>runc: 2 skipped</h3>"));
    String runcGroup = runc.substring(runc.indexOf("<tr><td>" + SampleReports.NO_CGROUP_V2));
    runcGroup = runcGroup.substring(0, runcGroup.indexOf("</tr>"));
    assertTrue(runcGroup.contains("<td class=\"n\">2</td>"), runcGroup);
    assertTrue(runcGroup.contains("<code>cgroups.v2.pids-limit</code>"), runcGroup);
    assertTrue(runcGroup.contains("<code>cgroups.v2.path</code>"), runcGroup);
  }

  @Test
  void aCleanSingleRuntimeRunSaysSo() {
    ConformanceReport one =
        new ConformanceReport(
            List.of(SampleReports.threeRuntimes().runtimeInfo().get(0)),
            List.of(SampleReports.pass("process.cwd", "config.md#process", "runc")),
            List.of(),
            10);
    String html = HtmlMatrix.render(one);
    assertTrue(section(html, "failures").contains("No unexpected failures"), html);
    assertTrue(section(html, "differences").contains("nothing to compare"), html);
    assertFalse(html.contains("id=\"problems\""), "no problems, no section");
  }

  @Test
  void hugeRuntimeOutputIsCutAndSaysWhereTheRestIs() {
    String huge = "x".repeat(HtmlText.LONG_TEXT + 6000);
    ConformanceReport r =
        new ConformanceReport(
            SampleReports.threeRuntimes().runtimeInfo().subList(0, 1),
            List.of(
                SampleReports.result(
                    "process.cwd",
                    "config.md#process",
                    "MUST",
                    "runc",
                    TestStatus.FAIL,
                    "/",
                    huge,
                    "")),
            List.of(),
            10);
    String html = HtmlMatrix.render(r);
    assertFalse(html.contains(huge), "the whole output was copied");
    assertTrue(html.contains("… 6000 more characters in conformance.json"), html);
  }

  private static String cells(long pass, long fail, long xfail, long xpass, long skip) {
    StringBuilder sb = new StringBuilder();
    long[] n = {pass, fail, xfail, xpass, skip};
    for (int i = 0; i < n.length; i++) {
      sb.append("<td class=\"n ")
          .append(n[i] == 0 ? "zero" : HtmlText.ORDER.get(i).name())
          .append("\">")
          .append(n[i])
          .append("</td>");
    }
    return sb.toString();
  }
}
