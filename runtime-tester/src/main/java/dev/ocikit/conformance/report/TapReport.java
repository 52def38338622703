package dev.ocikit.conformance.report;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RunProblem;
import dev.ocikit.conformance.RuntimeInfo;
import dev.ocikit.conformance.TestResult;

/**
 * TAP version 13: one line per test and runtime, a YAML block for anything not passing. Expected
 * failures use TAP's TODO directive, which consumers treat as "known not ok". Run-level problems
 * follow as lines of their own ({@code run.smoke-probe}, {@code run.leak}...): {@code not ok} when
 * they fail the run, {@code ok ... # SKIP accepted} when the run's options accept them.
 */
public final class TapReport {
  private TapReport() {}

  /**
   * {@return the whole report as TAP text}
   *
   * @param report the run to render
   */
  public static String render(ConformanceReport report) {
    StringBuilder sb = new StringBuilder("TAP version 13\n");
    sb.append("1..").append(report.results().size() + report.problems().size()).append('\n');
    for (RuntimeInfo i : report.runtimeInfo()) {
      // TAP comment lines: consumers show them, parsers ignore them.
      sb.append("# runtime ").append(i.name()).append(": ").append(oneLine(i.commandLine()));
      sb.append("\n#   version: ").append(oneLine(i.version()));
      sb.append("\n#   oci version: ").append(i.ociVersion());
      sb.append(" (").append(oneLine(i.ociVersionSource())).append(')');
      for (String a : i.adaptations()) {
        sb.append("\n#   host adaptation: ").append(oneLine(a));
      }
      sb.append("\n#   wall time: ").append(i.wallMillis()).append(" ms");
      sb.append('\n');
    }
    int n = 0;
    for (TestResult r : report.results()) {
      n++;
      String name = r.runtime() + " " + r.testId() + " - " + r.title();
      switch (r.status()) {
        case PASS -> sb.append("ok ").append(n).append(' ').append(name).append('\n');
        case SKIP ->
            sb.append("ok ")
                .append(n)
                .append(' ')
                .append(name)
                .append(" # SKIP ")
                .append(oneLine(r.reason()))
                .append('\n');
        case XFAIL ->
            sb.append("not ok ")
                .append(n)
                .append(' ')
                .append(name)
                .append(" # TODO expected failure: ")
                .append(oneLine(r.reason()))
                .append('\n');
        case XPASS ->
            sb.append("ok ")
                .append(n)
                .append(' ')
                .append(name)
                .append(" # TODO unexpected pass, stale expected-failure entry: ")
                .append(oneLine(r.reason()))
                .append('\n');
        default -> sb.append("not ok ").append(n).append(' ').append(name).append('\n');
      }
      if (r.status() != dev.ocikit.conformance.TestStatus.PASS) {
        sb.append("  ---\n");
        yaml(sb, "status", r.status().name());
        yaml(sb, "level", r.level());
        yaml(sb, "spec", r.specUrl());
        if (!r.requirements().isEmpty()) {
          sb.append("  requirements:\n");
          r.requirements().forEach(id -> sb.append("    - '").append(id).append("'\n"));
        }
        if (!r.expected().isEmpty()) {
          yaml(sb, "expected", r.expected());
          yaml(sb, "actual", r.actual());
        }
        sb.append("  ...\n");
      }
    }
    for (RunProblem p : report.problems()) {
      n++;
      String name = p.runtime() + " " + p.check().id() + " - " + oneLine(p.message());
      sb.append(p.failsRun() ? "not ok " : "ok ").append(n).append(' ').append(name);
      sb.append(p.failsRun() ? "\n" : " # SKIP accepted by the run's options\n");
    }
    sb.append("# wall time ").append(report.wallMillis()).append(" ms\n");
    return sb.toString();
  }

  private static void yaml(StringBuilder sb, String key, String value) {
    // Single-quoted YAML scalars need only '' escaping; newlines are folded to keep one line.
    sb.append("  ")
        .append(key)
        .append(": '")
        .append(oneLine(value).replace("'", "''"))
        .append("'\n");
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').strip();
  }
}
