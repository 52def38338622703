package dev.ocikit.validate.rules.documents;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.validate.rules.DocumentRule;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * features.md ociVersionMax: "The value MUST NOT be less than the value of the ociVersionMin
 * property." Compared by SemVer 2.0.0 precedence, so 1.1.0-rc.2 is less than 1.1.0.
 */
public final class FeaturesVersionRange implements DocumentRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "features.oci-version.range",
          Level.MUST,
          "ociVersionMax is not less than ociVersionMin (SemVer precedence).",
          SpecLinks.features("specification-version"),
          Platform.ALL);

  private static final Pattern SEMVER =
      Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public DocumentType documentType() {
    return DocumentType.RUNTIME_FEATURES;
  }

  @Override
  public void check(JsonDocument document, FindingSink sink) {
    JsonNode min = document.root().path("ociVersionMin");
    JsonNode max = document.root().path("ociVersionMax");
    if (!min.isString() || !max.isString()) {
      return;
    }
    Matcher a = SEMVER.matcher(min.asString());
    Matcher b = SEMVER.matcher(max.asString());
    if (a.matches() && b.matches() && compare(b, a) < 0) {
      sink.report(
          INFO,
          document,
          "/ociVersionMax",
          "ociVersionMax=" + max.asString() + " is less than ociVersionMin=" + min.asString());
    }
  }

  /** SemVer 2.0.0 precedence of two matched versions (build metadata ignored). */
  static int compare(Matcher x, Matcher y) {
    for (int g = 1; g <= 3; g++) {
      int c = new BigInteger(x.group(g)).compareTo(new BigInteger(y.group(g)));
      if (c != 0) {
        return c;
      }
    }
    String px = x.group(4);
    String py = y.group(4);
    if (px == null || py == null) {
      return px == null ? (py == null ? 0 : 1) : -1; // a pre-release is below its release
    }
    String[] ix = px.split("\\.");
    String[] iy = py.split("\\.");
    for (int i = 0; i < Math.min(ix.length, iy.length); i++) {
      boolean nx = ix[i].matches("\\d+");
      boolean ny = iy[i].matches("\\d+");
      int c =
          nx && ny
              ? new BigInteger(ix[i]).compareTo(new BigInteger(iy[i]))
              : nx != ny ? (nx ? -1 : 1) : ix[i].compareTo(iy[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ix.length, iy.length);
  }
}
