package dev.ocikit.cli.generate;

import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.HookKind;
import dev.ocikit.spec.runtime.Hook;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code hooks}: add and remove-all options per lifecycle point. */
final class HookOptions {
  private static final String FORM = "/PATH[:ARG...] or a JSON hook object";

  @Option(
      names = {"--hooks-prestart-add", "--hooks-prestart"},
      paramLabel = "HOOK",
      converter = SpecConverters.HookConverter.class,
      description = "Add a prestart hook (deprecated by the spec): " + FORM + ".")
  List<Hook> prestart = new ArrayList<>();

  @Option(
      names = "--hooks-createruntime-add",
      paramLabel = "HOOK",
      converter = SpecConverters.HookConverter.class,
      description = "Add a createRuntime hook.")
  List<Hook> createRuntime = new ArrayList<>();

  @Option(
      names = "--hooks-createcontainer-add",
      paramLabel = "HOOK",
      converter = SpecConverters.HookConverter.class,
      description = "Add a createContainer hook.")
  List<Hook> createContainer = new ArrayList<>();

  @Option(
      names = "--hooks-startcontainer-add",
      paramLabel = "HOOK",
      converter = SpecConverters.HookConverter.class,
      description = "Add a startContainer hook.")
  List<Hook> startContainer = new ArrayList<>();

  @Option(
      names = {"--hooks-poststart-add", "--hooks-poststart"},
      paramLabel = "HOOK",
      converter = SpecConverters.HookConverter.class,
      description = "Add a poststart hook.")
  List<Hook> poststart = new ArrayList<>();

  @Option(
      names = {"--hooks-poststop-add", "--hooks-poststop"},
      paramLabel = "HOOK",
      converter = SpecConverters.HookConverter.class,
      description = "Add a poststop hook.")
  List<Hook> poststop = new ArrayList<>();

  @Option(names = "--hooks-prestart-remove-all", description = "Remove prestart hooks first.")
  boolean prestartRemoveAll;

  @Option(
      names = "--hooks-createruntime-remove-all",
      description = "Remove createRuntime hooks first.")
  boolean createRuntimeRemoveAll;

  @Option(
      names = "--hooks-createcontainer-remove-all",
      description = "Remove createContainer hooks first.")
  boolean createContainerRemoveAll;

  @Option(
      names = "--hooks-startcontainer-remove-all",
      description = "Remove startContainer hooks first.")
  boolean startContainerRemoveAll;

  @Option(names = "--hooks-poststart-remove-all", description = "Remove poststart hooks first.")
  boolean poststartRemoveAll;

  @Option(names = "--hooks-poststop-remove-all", description = "Remove poststop hooks first.")
  boolean poststopRemoveAll;

  void applyTo(ConfigGenerator g) {
    clear(g, prestartRemoveAll, HookKind.PRESTART);
    clear(g, createRuntimeRemoveAll, HookKind.CREATE_RUNTIME);
    clear(g, createContainerRemoveAll, HookKind.CREATE_CONTAINER);
    clear(g, startContainerRemoveAll, HookKind.START_CONTAINER);
    clear(g, poststartRemoveAll, HookKind.POSTSTART);
    clear(g, poststopRemoveAll, HookKind.POSTSTOP);
    prestart.forEach(h -> g.hooks().add(HookKind.PRESTART, h));
    createRuntime.forEach(h -> g.hooks().add(HookKind.CREATE_RUNTIME, h));
    createContainer.forEach(h -> g.hooks().add(HookKind.CREATE_CONTAINER, h));
    startContainer.forEach(h -> g.hooks().add(HookKind.START_CONTAINER, h));
    poststart.forEach(h -> g.hooks().add(HookKind.POSTSTART, h));
    poststop.forEach(h -> g.hooks().add(HookKind.POSTSTOP, h));
  }

  private static void clear(ConfigGenerator g, boolean wanted, HookKind kind) {
    if (wanted) {
      g.hooks().clear(kind);
    }
  }
}
