package dev.ocikit.check.report;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Location;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleCatalog;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.Severity;
import dev.ocikit.check.ValidationReport;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.spec.OcikitVersion;
import dev.ocikit.spec.json.JsonWriter;
import dev.ocikit.spec.requirement.RequirementCatalog;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, {@code tool.driver} with our version (its
 * {@code properties.commit} the commit) and {@code rules} from the rule metadata (every catalogued
 * rule, plus the schema keywords that fired), one result per finding with {@code ruleId}, {@code
 * ruleIndex}, level {@code error} or {@code warning}, the message and a physical location (file
 * URI, line and column when known). The JSON pointer and the RFC 2119 level go in each result's
 * {@code properties}. The run's one invocation says whether every path could be read; a path that
 * could not is a {@code toolExecutionNotification} of level {@code error} with the reason and the
 * path as its location (it has no rule: nothing was checked).
 */
public final class SarifReportFormat implements ReportFormat {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Override
  public String name() {
    return "sarif";
  }

  @Override
  public void write(ValidationReport report, Writer out) throws IOException {
    out.write(new String(JsonWriter.pretty(toJson(report)), StandardCharsets.UTF_8));
  }

  /**
   * {@return the report as a SARIF log}
   *
   * @param report the results to convert
   */
  public static ObjectNode toJson(ValidationReport report) {
    Map<String, RuleInfo> rules = new TreeMap<>();
    RuleCatalog.all().forEach(r -> rules.put(r.id(), r));
    for (ValidationResult r : report.results()) {
      for (Finding f : r.findings()) {
        // schema.<keyword> rules are made per keyword and are not in the catalog
        rules.putIfAbsent(
            f.ruleId(),
            new RuleInfo(
                f.ruleId(), f.level(), "Rule " + f.ruleId() + ".", f.specRef(), Platform.ALL));
      }
    }
    ObjectNode log = F.objectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "ocikit oci-validate");
    // The same version and commit as --version and the other reports.
    driver.put("version", OcikitVersion.build().version());
    driver.put("informationUri", "https://github.com/opencontainers/runtime-spec");
    driver.putObject("properties").put("commit", OcikitVersion.build().commit());
    ArrayNode ruleArray = driver.putArray("rules");
    Map<String, Integer> index = new TreeMap<>();
    for (RuleInfo info : rules.values()) {
      index.put(info.id(), ruleArray.size());
      ObjectNode rule = ruleArray.addObject();
      rule.put("id", info.id());
      rule.putObject("shortDescription").put("text", info.summary());
      if (info.specUrl() != null) {
        rule.put("helpUri", info.specUrl());
      }
      rule.putObject("defaultConfiguration")
          .put("level", info.level().name().equals("MUST") ? "error" : "warning");
      ObjectNode props = rule.putObject("properties");
      props.put("level", info.level().name());
      props.put("platform", info.platform().id());
      ArrayNode ruleReqs = props.putArray("requirements");
      RequirementCatalog.shipped().forRule(info.id()).forEach(ruleReqs::add);
    }
    invocation(run.putArray("invocations").addObject(), report);
    ArrayNode results = run.putArray("results");
    for (ValidationResult r : report.results()) {
      for (Finding f : r.findings()) {
        ObjectNode res = results.addObject();
        res.put("ruleId", f.ruleId());
        res.put("ruleIndex", index.get(f.ruleId()));
        res.put("level", f.severity() == Severity.ERROR ? "error" : "warning");
        res.putObject("message").put("text", f.message());
        Location l = f.location();
        ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
        physical
            .putObject("artifactLocation")
            .put("uri", uri(l.file() == null ? r.path() : l.file()));
        if (l.line() != null) {
          ObjectNode region = physical.putObject("region");
          region.put("startLine", l.line());
          if (l.column() != null) {
            region.put("startColumn", l.column());
          }
        }
        ObjectNode props = res.putObject("properties");
        props.put("level", f.level().name());
        if (l.pointer() != null) {
          props.put("pointer", l.pointer());
        }
        ArrayNode reqs = props.putArray("requirements");
        f.requirements().forEach(reqs::add);
      }
    }
    return log;
  }

  /** Whether the run could read every path, and a notification for each one it could not. */
  private static void invocation(ObjectNode invocation, ValidationReport report) {
    ArrayNode notes = F.arrayNode();
    for (ValidationResult r : report.results()) {
      if (r.readError() != null) {
        ObjectNode note = notes.addObject();
        note.put("level", "error");
        note.putObject("message").put("text", r.readError());
        note.putArray("locations")
            .addObject()
            .putObject("physicalLocation")
            .putObject("artifactLocation")
            .put("uri", uri(r.path()));
      }
    }
    invocation.put("executionSuccessful", notes.isEmpty());
    if (!notes.isEmpty()) {
      invocation.set("toolExecutionNotifications", notes);
    }
  }

  /** A URI reference for a file: relative paths stay relative (as code scanning wants them). */
  static String uri(String file) {
    String slashed = file.replace('\\', '/');
    if (Path.of(file).isAbsolute()) {
      return Path.of(file).toUri().toASCIIString();
    }
    try {
      return new URI(null, null, slashed, null).toASCIIString();
    } catch (URISyntaxException e) {
      return slashed;
    }
  }
}
