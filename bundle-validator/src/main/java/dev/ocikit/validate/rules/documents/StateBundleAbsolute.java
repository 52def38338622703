package dev.ocikit.validate.rules.documents;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.validate.rules.DocumentRule;
import dev.ocikit.validate.rules.PathForms;
import tools.jackson.databind.JsonNode;

/**
 * runtime.md state bundle: "(string, REQUIRED) is the absolute path to the container's bundle
 * directory." The form is stated without an RFC 2119 keyword, so SHOULD. A state names no platform:
 * a POSIX or a Windows absolute path passes.
 */
public final class StateBundleAbsolute implements DocumentRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "state.bundle.absolute",
          Level.SHOULD,
          "The state's bundle is an absolute path.",
          SpecLinks.runtime("state"),
          Platform.ALL);

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
    JsonNode b = document.root().path("bundle");
    if (!b.isString()) {
      return; // absent or not a string: the schema reports it
    }
    String bundle = b.asString();
    if (!PathForms.isAbsolute(bundle, "linux") && !PathForms.isAbsolute(bundle, "windows")) {
      sink.report(INFO, document, "/bundle", "bundle=\"" + bundle + "\" is not an absolute path");
    }
  }
}
