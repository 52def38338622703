package dev.ocikit.conformance.report;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RunProblem;
import dev.ocikit.conformance.RuntimeInfo;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.spec.OcikitVersion;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report as JSON: the toolkit's name, version and commit, runtimes (name, command, version,
 * targeted spec version and its source, host adaptations, wall time), whether the run passed,
 * counts, run-level problems, leaks, wall time and one object per result.
 */
public final class JsonReport {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonReport() {}

  /**
   * Renders {@code report} as one JSON document: tool, runtimes, run-level problems, leaks, wall
   * time and results.
   *
   * @param report the run to render
   * @return the JSON text
   */
  public static String render(ConformanceReport report) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "ocikit");
    tool.put("version", OcikitVersion.build().version());
    tool.put("commit", OcikitVersion.build().commit());
    root.put("specVersion", "1.3.0");
    ArrayNode runtimes = root.putArray("runtimes");
    for (RuntimeInfo i : report.runtimeInfo()) {
      ObjectNode o = runtimes.addObject();
      o.put("name", i.name());
      i.command().forEach(o.putArray("command")::add);
      o.put("version", i.version());
      o.put("ociVersion", i.ociVersion());
      o.put("ociVersionSource", i.ociVersionSource());
      i.adaptations().forEach(o.putArray("adaptations")::add);
      o.put("wallMillis", i.wallMillis());
    }
    root.put("passed", report.passed());
    ObjectNode counts = root.putObject("counts");
    report.counts().forEach((k, v) -> counts.put(k.name(), v));
    ArrayNode problems = root.putArray("problems");
    for (RunProblem p : report.problems()) {
      ObjectNode o = problems.addObject();
      o.put("runtime", p.runtime());
      o.put("check", p.check().id());
      o.put("message", p.message());
      o.put("accepted", p.accepted());
    }
    report.leaks().forEach(root.putArray("leaks")::add);
    root.put("wallMillis", report.wallMillis());
    ArrayNode results = root.putArray("results");
    for (TestResult r : report.results()) {
      ObjectNode o = results.addObject();
      o.put("id", r.testId());
      o.put("runtime", r.runtime());
      o.put("status", r.status().name());
      o.put("title", r.title());
      o.put("section", r.section());
      o.put("specUrl", r.specUrl());
      o.put("level", r.level());
      r.requirements().forEach(o.putArray("requirements")::add);
      o.put("expected", r.expected());
      o.put("actual", r.actual());
      o.put("reason", r.reason());
      o.put("millis", r.millis());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }
}
