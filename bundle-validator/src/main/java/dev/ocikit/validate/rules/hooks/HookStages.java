package dev.ocikit.validate.rules.hooks;

import dev.ocikit.spec.runtime.Hook;
import dev.ocikit.spec.runtime.Hooks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hook arrays that are present, by their JSON name. */
final class HookStages {
  private HookStages() {}

  static Map<String, List<Hook>> of(Hooks h) {
    Map<String, List<Hook>> out = new LinkedHashMap<>();
    if (h == null) {
      return out;
    }
    put(out, "prestart", h.prestart());
    put(out, "createRuntime", h.createRuntime());
    put(out, "createContainer", h.createContainer());
    put(out, "startContainer", h.startContainer());
    put(out, "poststart", h.poststart());
    put(out, "poststop", h.poststop());
    return out;
  }

  private static void put(Map<String, List<Hook>> out, String name, List<Hook> hooks) {
    if (hooks != null) {
      out.put(name, hooks);
    }
  }
}
