package dev.ocikit.cli.generate;

import dev.ocikit.cli.generate.Values.HookDetail;
import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.HookKind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Environment and timeout of hooks: {@code --hooks-KIND-env KEY=VALUE} and {@code
 * --hooks-KIND-timeout SECONDS} apply to the last KIND hook; runtime-tools' forms {@code
 * /PATH:KEY=VALUE[:KEY=VALUE...]} and {@code /PATH:SECONDS} apply to every KIND hook with that
 * path.
 */
final class HookDetailOptions {
  @Option(
      names = "--hooks-prestart-env",
      paramLabel = "[/PATH:]KEY=VALUE",
      converter = Values.HookEnvConverter.class,
      description = "Environment of the last prestart hook (or of those running /PATH).")
  List<HookDetail> prestartEnv = new ArrayList<>();

  @Option(
      names = "--hooks-prestart-timeout",
      paramLabel = "[/PATH:]SECONDS",
      converter = Values.HookTimeoutConverter.class,
      description = "Timeout of the last prestart hook (or of those running /PATH).")
  List<HookDetail> prestartTimeout = new ArrayList<>();

  @Option(
      names = "--hooks-createruntime-env",
      paramLabel = "[/PATH:]KEY=VALUE",
      converter = Values.HookEnvConverter.class)
  List<HookDetail> createRuntimeEnv = new ArrayList<>();

  @Option(
      names = "--hooks-createruntime-timeout",
      paramLabel = "[/PATH:]SECONDS",
      converter = Values.HookTimeoutConverter.class)
  List<HookDetail> createRuntimeTimeout = new ArrayList<>();

  @Option(
      names = "--hooks-createcontainer-env",
      paramLabel = "[/PATH:]KEY=VALUE",
      converter = Values.HookEnvConverter.class)
  List<HookDetail> createContainerEnv = new ArrayList<>();

  @Option(
      names = "--hooks-createcontainer-timeout",
      paramLabel = "[/PATH:]SECONDS",
      converter = Values.HookTimeoutConverter.class)
  List<HookDetail> createContainerTimeout = new ArrayList<>();

  @Option(
      names = "--hooks-startcontainer-env",
      paramLabel = "[/PATH:]KEY=VALUE",
      converter = Values.HookEnvConverter.class)
  List<HookDetail> startContainerEnv = new ArrayList<>();

  @Option(
      names = "--hooks-startcontainer-timeout",
      paramLabel = "[/PATH:]SECONDS",
      converter = Values.HookTimeoutConverter.class)
  List<HookDetail> startContainerTimeout = new ArrayList<>();

  @Option(
      names = "--hooks-poststart-env",
      paramLabel = "[/PATH:]KEY=VALUE",
      converter = Values.HookEnvConverter.class)
  List<HookDetail> poststartEnv = new ArrayList<>();

  @Option(
      names = "--hooks-poststart-timeout",
      paramLabel = "[/PATH:]SECONDS",
      converter = Values.HookTimeoutConverter.class)
  List<HookDetail> poststartTimeout = new ArrayList<>();

  @Option(
      names = "--hooks-poststop-env",
      paramLabel = "[/PATH:]KEY=VALUE",
      converter = Values.HookEnvConverter.class)
  List<HookDetail> poststopEnv = new ArrayList<>();

  @Option(
      names = "--hooks-poststop-timeout",
      paramLabel = "[/PATH:]SECONDS",
      converter = Values.HookTimeoutConverter.class)
  List<HookDetail> poststopTimeout = new ArrayList<>();

  void applyTo(ConfigGenerator g) {
    apply(g, HookKind.PRESTART, prestartEnv, prestartTimeout);
    apply(g, HookKind.CREATE_RUNTIME, createRuntimeEnv, createRuntimeTimeout);
    apply(g, HookKind.CREATE_CONTAINER, createContainerEnv, createContainerTimeout);
    apply(g, HookKind.START_CONTAINER, startContainerEnv, startContainerTimeout);
    apply(g, HookKind.POSTSTART, poststartEnv, poststartTimeout);
    apply(g, HookKind.POSTSTOP, poststopEnv, poststopTimeout);
  }

  private static void apply(
      ConfigGenerator g, HookKind kind, List<HookDetail> env, List<HookDetail> timeout) {
    String flag = "--hooks-" + kind.jsonName().toLowerCase(java.util.Locale.ROOT);
    try {
      for (HookDetail d : env) {
        if (d.path() == null) {
          g.hooks().env(kind, d.env().toArray(String[]::new));
        } else {
          g.hooks().env(kind, d.path(), d.env());
        }
      }
      for (HookDetail d : timeout) {
        if (d.path() == null) {
          g.hooks().timeout(kind, d.timeout());
        } else {
          g.hooks().timeout(kind, d.path(), d.timeout());
        }
      }
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          flag + "-env/-timeout: " + e.getMessage() + " with " + flag + "-add", e);
    }
  }
}
