package dev.ocikit.generate;

import dev.ocikit.spec.runtime.Hook;
import dev.ocikit.spec.runtime.Hooks;
import java.util.List;

/**
 * The six lifecycle points at which a runtime runs hooks.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#posix-platform-hooks">config.md#posix-platform-hooks</a>
 */
public enum HookKind {
  /** {@code prestart}: deprecated since 1.0.2 in favour of the three create/start hooks. */
  PRESTART("prestart"),
  /** {@code createRuntime}: in the runtime namespace, after the environment is created. */
  CREATE_RUNTIME("createRuntime"),
  /** {@code createContainer}: in the container namespace, before pivot_root. */
  CREATE_CONTAINER("createContainer"),
  /** {@code startContainer}: in the container, before the user process runs. */
  START_CONTAINER("startContainer"),
  /** {@code poststart}: after the user process started. */
  POSTSTART("poststart"),
  /** {@code poststop}: after the container was deleted. */
  POSTSTOP("poststop");

  private final String jsonName;

  HookKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** {@return the property name under {@code hooks}, e.g. {@code createRuntime}} */
  public String jsonName() {
    return jsonName;
  }

  List<Hook> get(Hooks h) {
    return switch (this) {
      case PRESTART -> h.prestart();
      case CREATE_RUNTIME -> h.createRuntime();
      case CREATE_CONTAINER -> h.createContainer();
      case START_CONTAINER -> h.startContainer();
      case POSTSTART -> h.poststart();
      case POSTSTOP -> h.poststop();
    };
  }

  Hooks set(Hooks h, List<Hook> list) {
    return switch (this) {
      case PRESTART -> h.withPrestart(list);
      case CREATE_RUNTIME -> h.withCreateRuntime(list);
      case CREATE_CONTAINER -> h.withCreateContainer(list);
      case START_CONTAINER -> h.withStartContainer(list);
      case POSTSTART -> h.withPoststart(list);
      case POSTSTOP -> h.withPoststop(list);
    };
  }
}
