package dev.ocikit.validate.rules.documents;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.validate.rules.DocumentRule;
import tools.jackson.databind.JsonNode;

/**
 * runtime.md state pid: "(int, REQUIRED when status is created or running on Linux, OPTIONAL on
 * other platforms)". A state carries no platform, so this runs for Linux, the default.
 */
public final class StatePidRequired implements DocumentRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "state.pid.required",
          Level.MUST,
          "A state whose status is created or running has a pid (Linux).",
          SpecLinks.runtime("state"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public DocumentType documentType() {
    return DocumentType.RUNTIME_STATE;
  }

  @Override
  public void check(JsonDocument document, FindingSink sink) {
    JsonNode root = document.root();
    String status = root.path("status").isString() ? root.path("status").asString() : "";
    if ((status.equals("created") || status.equals("running")) && !root.has("pid")) {
      sink.report(INFO, document, "", "status is " + status + " but the state has no pid");
    }
  }
}
