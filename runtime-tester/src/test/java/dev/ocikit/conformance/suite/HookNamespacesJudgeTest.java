package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hook namespace judges: a hook in the right namespaces passes, one wrong link fails. */
class HookNamespacesJudgeTest {
  private static final Map<String, String> HOST =
      Map.of(
          "cgroup", "cgroup:[1]",
          "ipc", "ipc:[2]",
          "mnt", "mnt:[3]",
          "net", "net:[4]",
          "pid", "pid:[5]",
          "user", "user:[6]",
          "uts", "uts:[7]");

  /** The container: new ipc, mnt, pid and uts namespaces, the host's others. */
  private static final Map<String, String> CONTAINER =
      Map.of(
          "cgroup", "cgroup:[1]",
          "ipc", "ipc:[12]",
          "mnt", "mnt:[13]",
          "net", "net:[4]",
          "pid", "pid:[15]",
          "user", "user:[6]",
          "uts", "uts:[17]");

  private static Map<String, String> runtimeWithoutMount() {
    Map<String, String> rt = new HashMap<>(HOST);
    rt.remove("mnt");
    return rt;
  }

  private static Map<String, String> with(Map<String, String> base, String n, String link) {
    Map<String, String> m = new HashMap<>(base);
    m.put(n, link);
    return m;
  }

  @Test
  void aHookInTheRuntimeNamespacesPasses() {
    assertEquals(List.of(), HookNamespaces.inRuntime(HOST, runtimeWithoutMount(), CONTAINER));
    // A runtime in a private mount namespace of its own (a host adaptation) is still outside.
    assertEquals(
        List.of(),
        HookNamespaces.inRuntime(with(HOST, "mnt", "mnt:[99]"), runtimeWithoutMount(), CONTAINER));
  }

  @Test
  void aRuntimeHookInOneContainerNamespaceFails() {
    List<String> p =
        HookNamespaces.inRuntime(with(HOST, "pid", "pid:[15]"), runtimeWithoutMount(), CONTAINER);
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("pid pid:[15]"), p.toString());
    List<String> mnt =
        HookNamespaces.inRuntime(with(HOST, "mnt", "mnt:[13]"), runtimeWithoutMount(), CONTAINER);
    assertEquals(List.of("mnt mnt:[13] is the container's"), mnt);
  }

  @Test
  void aHookThatNeverRanFails() {
    assertEquals(1, HookNamespaces.inRuntime(Map.of(), HOST, CONTAINER).size());
    assertEquals(1, HookNamespaces.inContainer(null, CONTAINER).size());
  }

  @Test
  void aContainerHookMustShareEveryContainerNamespace() {
    assertEquals(List.of(), HookNamespaces.inContainer(CONTAINER, CONTAINER));
    List<String> p = HookNamespaces.inContainer(with(CONTAINER, "mnt", "mnt:[3]"), CONTAINER);
    assertEquals(List.of("mnt mnt:[3], container's mnt:[13]"), p);
  }

  @Test
  void theRecordIsParsedBack() {
    String script = HookNamespaces.record("/x", "prestart");
    assertTrue(script.contains("readlink /proc/self/ns/$n") && script.contains("> /x/ns-prestart"));
    Map<String, String> m = HookNamespaces.parse("pid pid:[5]\nnet \n\nuts uts:[7]\n");
    assertEquals(Map.of("pid", "pid:[5]", "uts", "uts:[7]"), m);
  }
}
