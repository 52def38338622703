package dev.ocikit.conformance;

import dev.ocikit.validate.schema.VersionCheck;
import dev.ocikit.validate.schema.VersionCheck.SpecVersion;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which runtime-spec version a run targets for one runtime, and which tests that excludes. The
 * version comes from the runtime's {@code features} ({@code ociVersionMax}) when it has that
 * command, else from the user ({@code --oci-version}), else from the {@code spec:} line of its
 * {@code --version}, else the newest version the suite knows. It is never above that newest
 * version, nor below 1.0.0. Pre-release suffixes count as the release: runtime-spec's own
 * development versions were named {@code 1.0.2-dev} for "1.0.2 plus changes" until {@code +dev}
 * replaced that (runtime-spec#1198), and runc 1.1.5 still reports {@code 1.0.2-dev}.
 */
final class SpecTargets {
  private static final Pattern SPEC_LINE =
      Pattern.compile("(?m)^\\s*spec(?:[ -]version)?:\\s*(\\S+)\\s*$");
  private static final SpecVersion OLDEST = VersionCheck.OLDEST;

  /**
   * The targeted version and a few words on where it came from.
   *
   * @param version a release, e.g. {@code 1.0.2}
   * @param source e.g. {@code features ociVersionMax 1.0.2-dev}
   */
  record Target(String version, String source) {}

  private SpecTargets() {}

  /** {@code ociVersionMax} of a {@code features} document, if it has one. */
  static Optional<String> featuresMax(String featuresJson) {
    try {
      JsonNode n = JsonMapper.builder().build().readTree(featuresJson);
      JsonNode max = n == null ? null : n.path("ociVersionMax");
      return max != null && max.isString() ? Optional.of(max.asString()) : Optional.empty();
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
  }

  /** The version of a {@code spec: 1.0.0} line of {@code --version} output (runc, crun, runsc). */
  static Optional<String> versionSpecLine(String versionOutput) {
    Matcher m = SPEC_LINE.matcher(versionOutput == null ? "" : versionOutput);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Chooses the target.
   *
   * @param featuresMax {@code ociVersionMax} from {@code features}, when the runtime has it
   * @param explicit the user's {@code --oci-version}, or null
   * @param versionSpec the {@code spec:} line of {@code --version}, when there is one
   */
  static Target choose(
      Optional<String> featuresMax, String explicit, Optional<String> versionSpec) {
    if (featuresMax.isPresent() && SpecVersion.parse(featuresMax.get()) != null) {
      return clamp(featuresMax.get(), "features ociVersionMax " + featuresMax.get());
    }
    if (explicit != null) {
      return clamp(explicit, "--oci-version " + explicit);
    }
    if (versionSpec.isPresent() && SpecVersion.parse(versionSpec.get()) != null) {
      return clamp(
          versionSpec.get(), "no features command; --version says spec " + versionSpec.get());
    }
    return new Target(
        VersionCheck.NEWEST.toString(),
        "no features command, no --oci-version, no spec line in --version: the newest known");
  }

  private static Target clamp(String declared, String source) {
    SpecVersion v = SpecVersion.parse(declared);
    if (v == null) {
      throw new IllegalArgumentException(
          "--oci-version: '" + declared + "' is not a version like 1.0.2");
    }
    if (v.compareTo(VersionCheck.NEWEST) > 0) {
      return new Target(
          VersionCheck.NEWEST.toString(),
          source + ", capped at the newest known " + VersionCheck.NEWEST);
    }
    if (v.compareTo(OLDEST) < 0) {
      return new Target(OLDEST.toString(), source + ", raised to the oldest supported " + OLDEST);
    }
    return new Target(v.toString(), source);
  }

  /**
   * Why a test of a property introduced in {@code since} does not apply to a runtime targeted at
   * {@code target}, or null when it applies.
   */
  static String newerThanTarget(String since, String target) {
    SpecVersion s = SpecVersion.parse(since);
    SpecVersion t = SpecVersion.parse(target);
    if (s == null || t == null || s.compareTo(t) <= 0) {
      return null;
    }
    return "checks what runtime-spec "
        + s
        + " introduced; this runtime is targeted at "
        + t
        + " (see the report's runtime header)";
  }
}
