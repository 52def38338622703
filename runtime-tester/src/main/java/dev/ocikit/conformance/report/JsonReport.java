package dev.ocikit.conformance.report;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.TestResult;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The report as JSON: runtimes, counts, leaks, wall time and one object per result. */
public final class JsonReport {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonReport() {}

  public static String render(ConformanceReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("specVersion", "1.3.0");
    report.runtimes().forEach(root.putArray("runtimes")::add);
    ObjectNode counts = root.putObject("counts");
    report.counts().forEach((k, v) -> counts.put(k.name(), v));
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
      o.put("expected", r.expected());
      o.put("actual", r.actual());
      o.put("reason", r.reason());
      o.put("millis", r.millis());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }
}
