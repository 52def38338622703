package dev.ocikit.conformance.report;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RunProblem;
import dev.ocikit.conformance.RuntimeInfo;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import dev.ocikit.spec.OcikitVersion;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML as CI servers read it: one testsuite per runtime, a testcase per test; expected
 * failures are reported as skipped with their reason so they do not break the build. Each run-level
 * problem is a testcase of its own (each suite's properties name our version and commit), named by
 * its check id, failed (or skipped when the run's options accept it), so that a CI view shows it
 * next to the tests.
 */
public final class JunitXmlReport {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private JunitXmlReport() {}

  /**
   * Renders {@code report} as JUnit XML, one test suite per runtime.
   *
   * @param report the run to render
   * @return the XML text
   */
  public static String render(ConformanceReport report) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"oci-runtime-conformance\" time=\"")
        .append(report.wallMillis() / 1000.0)
        .append('"')
        .append(timestamp(report))
        .append(">\n");
    for (String runtime : report.runtimes()) {
      List<TestResult> rs =
          report.results().stream().filter(r -> r.runtime().equals(runtime)).toList();
      List<RunProblem> ps =
          report.problems().stream().filter(p -> p.runtime().equals(runtime)).toList();
      long failures =
          rs.stream().filter(r -> r.status() == TestStatus.FAIL).count()
              + ps.stream().filter(RunProblem::failsRun).count();
      long skipped =
          rs.stream()
                  .filter(r -> r.status() == TestStatus.SKIP || r.status() == TestStatus.XFAIL)
                  .count()
              + ps.stream().filter(RunProblem::accepted).count();
      sb.append("  <testsuite name=\"")
          .append(esc(runtime))
          .append("\" tests=\"")
          .append(rs.size() + ps.size())
          .append("\" failures=\"")
          .append(failures)
          .append("\" errors=\"0\" skipped=\"")
          .append(skipped)
          .append("\" time=\"")
          .append(suiteMillis(report.info(runtime), rs) / 1000.0)
          .append('"')
          .append(timestamp(report))
          .append(">\n");
      properties(sb, report.info(runtime));
      for (TestResult r : rs) {
        sb.append("    <testcase classname=\"")
            .append(esc(runtime + "." + r.section()))
            .append("\" name=\"")
            .append(esc(r.testId()))
            .append("\" time=\"")
            .append(r.millis() / 1000.0)
            .append("\">");
        if (!r.requirements().isEmpty()) {
          sb.append("<properties>");
          r.requirements()
              .forEach(
                  id ->
                      sb.append("<property name=\"requirement\" value=\"")
                          .append(esc(id))
                          .append("\"/>"));
          sb.append("</properties>");
        }
        switch (r.status()) {
          case FAIL ->
              sb.append("<failure message=\"")
                  .append(esc("expected " + r.expected()))
                  .append("\">")
                  .append(
                      esc(
                          "expected: "
                              + r.expected()
                              + "\nactual: "
                              + r.actual()
                              + "\nspec: "
                              + r.specUrl()))
                  .append("</failure>");
          case SKIP -> sb.append("<skipped message=\"").append(esc(r.reason())).append("\"/>");
          case XFAIL ->
              sb.append("<skipped message=\"")
                  .append(esc("expected failure: " + r.reason()))
                  .append("\"/>");
          case XPASS ->
              sb.append("<system-out>")
                  .append(esc("passed but listed as expected failure: " + r.reason()))
                  .append("</system-out>");
          default -> {}
        }
        sb.append("</testcase>\n");
      }
      for (RunProblem p : ps) {
        problem(sb, p);
      }
      sb.append("  </testsuite>\n");
    }
    return sb.append("</testsuites>\n").toString();
  }

  /**
   * The runtime's wall time (setup, tests, leak check): its tests run in parallel, so their times
   * summed overstate it. A report built without it falls back to that sum.
   */
  private static long suiteMillis(RuntimeInfo info, List<TestResult> rs) {
    return info != null && info.wallMillis() > 0
        ? info.wallMillis()
        : rs.stream().mapToLong(TestResult::millis).sum();
  }

  private static void problem(StringBuilder sb, RunProblem p) {
    sb.append("    <testcase classname=\"")
        .append(esc(p.runtime() + ".run"))
        .append("\" name=\"")
        .append(esc(p.check().id()))
        .append("\" time=\"0.0\">");
    if (p.failsRun()) {
      sb.append("<failure message=\"")
          .append(esc(p.message()))
          .append("\">")
          .append(esc(p.line()))
          .append("</failure>");
    } else {
      sb.append("<skipped message=\"")
          .append(esc("accepted by the run's options: " + p.message()))
          .append("\"/>");
    }
    sb.append("</testcase>\n");
  }

  /**
   * The run's start as a {@code timestamp} attribute (UTC, ISO 8601 without zone, as the JUnit
   * schema has it), or nothing when the report does not know it. Every suite gets the run's start:
   * the runtimes' tests run interleaved.
   */
  private static String timestamp(ConformanceReport report) {
    if (report.startedAt() == null) {
      return "";
    }
    LocalDateTime utc =
        LocalDateTime.ofInstant(report.startedAt(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    return " timestamp=\"" + TIMESTAMP.format(utc) + "\"";
  }

  /** The runtime's command, version, target and adaptations as testsuite properties. */
  private static void properties(StringBuilder sb, RuntimeInfo info) {
    sb.append("    <properties>\n");
    property(sb, "ocikit.version", OcikitVersion.build().version());
    property(sb, "ocikit.commit", OcikitVersion.build().commit());
    if (info == null) {
      sb.append("    </properties>\n");
      return;
    }
    property(sb, "command", info.commandLine());
    property(sb, "version", info.version());
    property(sb, "ociVersion", info.ociVersion() + " (" + info.ociVersionSource() + ")");
    for (String a : info.adaptations()) {
      property(sb, "adaptation", a);
    }
    sb.append("    </properties>\n");
  }

  private static void property(StringBuilder sb, String name, String value) {
    sb.append("      <property name=\"")
        .append(esc(name))
        .append("\" value=\"")
        .append(esc(value))
        .append("\"/>\n");
  }

  static String esc(String s) {
    return Markup.escape(s);
  }
}
