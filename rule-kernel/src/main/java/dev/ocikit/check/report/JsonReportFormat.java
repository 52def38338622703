package dev.ocikit.check.report;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Location;
import dev.ocikit.check.ValidationReport;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.spec.OcikitVersion;
import dev.ocikit.spec.json.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Machine-readable report: {@code
 * {"tool":{"name","version","commit"},"results":[{"path","type","valid","findings":[{"ruleId",
 * "level","severity","message","location":{"file","pointer","line","column"},"specRef"}]}]}}. A
 * path that could not be read is a result of type {@code unreadable}, {@code valid:false}, no
 * findings and an {@code error} saying why.
 */
public final class JsonReportFormat implements ReportFormat {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Override
  public String name() {
    return "json";
  }

  @Override
  public void write(ValidationReport report, Writer out) throws IOException {
    out.write(new String(JsonWriter.pretty(toJson(report)), StandardCharsets.UTF_8));
  }

  /**
   * {@return the report as a JSON tree}
   *
   * @param report the results to convert
   */
  public static ObjectNode toJson(ValidationReport report) {
    ObjectNode root = F.objectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "ocikit");
    tool.put("version", OcikitVersion.build().version());
    tool.put("commit", OcikitVersion.build().commit());
    ArrayNode results = root.putArray("results");
    for (ValidationResult r : report.results()) {
      ObjectNode o = results.addObject();
      o.put("path", r.path());
      o.put("type", r.type());
      o.put("valid", r.valid());
      if (r.readError() != null) {
        o.put("error", r.readError());
      }
      ArrayNode findings = o.putArray("findings");
      for (Finding f : r.findings()) {
        ObjectNode fo = findings.addObject();
        fo.put("ruleId", f.ruleId());
        fo.put("level", f.level().name());
        fo.put("severity", f.severity().name());
        fo.put("message", f.message());
        Location l = f.location();
        ObjectNode lo = fo.putObject("location");
        lo.put("file", l.file());
        lo.put("pointer", l.pointer());
        if (l.line() != null) {
          lo.put("line", l.line());
        } else {
          lo.putNull("line");
        }
        if (l.column() != null) {
          lo.put("column", l.column());
        } else {
          lo.putNull("column");
        }
        fo.put("specRef", f.specRef());
        ArrayNode reqs = fo.putArray("requirements");
        f.requirements().forEach(reqs::add);
      }
    }
    return root;
  }
}
