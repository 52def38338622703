package dev.ocikit.validate.rules.annotations;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.UntrustedText;
import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * config.md annotations: each listed org.opencontainers.image.* key holds a value valid for the
 * image config property it mirrors. Two of those properties constrain their form: {@code created}
 * is an RFC 3339 (section 5.6) date-time, and {@code StopSignal} names a signal ({@code SIGNAME},
 * e.g. {@code SIGRTMIN+3}; a number is accepted as runtimes do). The others (os, os.version,
 * architecture, variant, author) take any string there, which the schema already checks. An empty
 * value stands for a property the image does not set (umoci writes {@code stopSignal: ""} for an
 * image config without StopSignal), so it passes.
 */
public final class ImageAnnotationValues implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "annotations.image.value",
          Level.MUST,
          "org.opencontainers.image.created is an RFC 3339 date-time and"
              + " org.opencontainers.image.stopSignal a signal name, as the image config"
              + " properties they mirror.",
          SpecLinks.config("annotations"),
          Platform.ALL);

  private static final Pattern DATE_TIME =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");
  private static final Pattern SIGNAL = Pattern.compile("SIG[A-Z0-9]+([+-][0-9]+)?|[1-9][0-9]*");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Map<String, String> annotations = ctx.config().annotations();
    if (annotations == null) {
      return;
    }
    String created = annotations.get("org.opencontainers.image.created");
    if (created != null && !created.isEmpty() && !isDateTime(created)) {
      report(ctx, "org.opencontainers.image.created", created, "an RFC 3339 date-time");
    }
    String signal = annotations.get("org.opencontainers.image.stopSignal");
    if (signal != null && !signal.isEmpty() && !SIGNAL.matcher(signal).matches()) {
      report(
          ctx,
          "org.opencontainers.image.stopSignal",
          signal,
          "a signal name such as SIGTERM or SIGRTMIN+3 (or a signal number)");
    }
  }

  private static boolean isDateTime(String value) {
    if (!DATE_TIME.matcher(value).matches()) {
      return false;
    }
    String iso = value.toUpperCase(Locale.ROOT);
    // RFC 3339 allows a leap second (:60), which java.time does not parse: check the rest.
    if (iso.substring(17, 19).equals("60")) {
      iso = iso.substring(0, 17) + "59" + iso.substring(19);
    }
    try {
      OffsetDateTime.parse(iso);
      return true;
    } catch (DateTimeParseException e) {
      return false; // e.g. month 13 or February 30
    }
  }

  private static void report(ConfigContext ctx, String key, String value, String expected) {
    ctx.report(
        INFO,
        JsonPointers.child("/annotations", key),
        key + " is " + UntrustedText.quote(value) + ", not " + expected);
  }
}
