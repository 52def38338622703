package dev.ocikit.conformance;

import dev.ocikit.conformance.bundle.Rootless;
import dev.ocikit.conformance.driver.CallLimits;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.conformance.driver.RunMark;
import dev.ocikit.conformance.driver.RuntimeDriver;
import dev.ocikit.conformance.host.HostAdaptation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gets one runtime ready before its tests: asks its version, picks the runtime-spec version to
 * target ({@link SpecTargets}), runs the smoke probe and, when the probe fails, tries the host's
 * adaptations in order and keeps the first under which a trivial container runs. In a rootless run
 * every call goes to the runtime as the unprivileged user ({@link RootlessRuns}).
 */
final class RuntimeSetup {
  /**
   * A runtime ready for its tests.
   *
   * @param info what the report says about it
   * @param driver the driver every test uses (adapted when an adaptation was needed)
   * @param smoke why it cannot run a trivial container, when it cannot
   */
  record Prepared(RuntimeInfo info, RuntimeDriver driver, Optional<SmokeProbe.Failure> smoke) {}

  private RuntimeSetup() {}

  static Prepared prepare(
      RuntimeCommand command,
      CallLimits limits,
      Path dir,
      String prefix,
      String explicitOciVersion,
      List<HostAdaptation> candidates,
      Rootless rootless,
      Path home) {
    RuntimeDriver driver =
        new RuntimeDriver(command.executable(), command.args(), limits, dir, new RunMark(prefix));
    if (rootless != null) {
      driver = RootlessRuns.driver(driver, rootless, home);
    }
    CallResult version = driver.call(List.of("--version"));
    String versionOutput = version.ok() ? version.stdout() : "";
    String versionLine =
        version.ok()
            ? versionOutput.lines().findFirst().orElse("<--version printed nothing>").strip()
            : "<unknown: " + version.describe() + ">";
    CallResult features = driver.features();
    SpecTargets.Target target =
        SpecTargets.choose(
            features.ok() ? SpecTargets.featuresMax(features.stdout()) : Optional.empty(),
            explicitOciVersion,
            SpecTargets.versionSpecLine(versionOutput));
    Optional<SmokeProbe.Failure> smoke =
        SmokeProbe.run(driver, dir.resolve("smoke"), prefix + "-smoke", target.version(), rootless);
    List<String> applied = new ArrayList<>();
    if (rootless != null) {
      applied.add(rootless.sentence());
    }
    if (smoke.isPresent() && !smoke.get().stopped()) {
      for (int i = 0; i < candidates.size(); i++) {
        HostAdaptation a = candidates.get(i);
        RuntimeDriver adapted = driver.prefixed(a.prefix());
        Optional<SmokeProbe.Failure> again =
            SmokeProbe.run(
                adapted,
                dir.resolve("smoke-a" + i),
                prefix + "-smoke-a" + i,
                target.version(),
                rootless);
        if (again.isEmpty()) {
          driver = adapted;
          smoke = again;
          applied.add(a.description());
          break;
        }
      }
    }
    RuntimeInfo info =
        new RuntimeInfo(
            command.name(),
            command.commandLine(),
            versionLine,
            target.version(),
            target.source(),
            applied);
    return new Prepared(info, driver, smoke);
  }
}
