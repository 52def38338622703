package dev.ocikit.conformance.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One config-linux.md property of the held process that {@code scripted-namespaces.sh} gets wrong
 * when its violation variable names the test that checks it: a namespace left as the host's, a new
 * namespace where a path was given or none was listed, wrong time offsets, no LINUX32 personality,
 * no memory policy, a create that should have been refused.
 *
 * @param testId the registered test whose judge must fail
 * @param evidence what the broken behaviour leaves in the verdict's "actual"; null when that is a
 *     namespace the run makes (its inode number cannot be known here)
 * @param hostNamespace for a namespace left as the harness's own, its config type: the verdict must
 *     then name the harness's namespace as the container's
 */
record NamespaceViolation(String testId, String evidence, String hostNamespace) {
  /** Every violation the script implements, by test id. */
  static final Map<String, NamespaceViolation> ALL = table();

  /** The tests judged on one {@link NamespaceRun}, which a violation of one of them shares. */
  static final List<String> NAMESPACE_RUN = namespaceRunIds();

  private static List<String> namespaceRunIds() {
    List<String> ids = new ArrayList<>();
    for (String type : NamespaceRun.TYPES) {
      ids.add("namespaces." + type + ".new");
      ids.add("namespaces." + type + ".joined");
      if (!type.equals("mount")) {
        ids.add("namespaces." + type + ".inherited");
      }
    }
    return ids;
  }

  private static Map<String, NamespaceViolation> table() {
    List<NamespaceViolation> v = new ArrayList<>();
    for (String type : NamespaceRun.TYPES) {
      // the listed namespace is not made: the process stays in the runtime's
      v.add(new NamespaceViolation("namespaces." + type + ".new", null, type));
      // a new namespace instead of the one at the path
      v.add(new NamespaceViolation("namespaces." + type + ".joined", null, null));
      if (!type.equals("mount")) {
        // a new namespace of a type the config does not list
        v.add(new NamespaceViolation("namespaces." + type + ".inherited", null, null));
      }
    }
    // a network namespace path naming a pid namespace is ignored instead of refused
    v.add(new NamespaceViolation("namespaces.path-type-mismatch", "exited 0", null));
    // every offset one second off
    v.add(new NamespaceViolation("namespaces.time.offsets", "86401", null));
    // personality left alone
    v.add(new NamespaceViolation("linux.personality.linux32", "x86_64", null));
    // memoryPolicy not applied: the process keeps the default policy
    v.add(new NamespaceViolation("linux.memory-policy.bind", "default", null));
    // intelRdt without resctrl accepted
    v.add(new NamespaceViolation("linux.intel-rdt.no-resctrl", "create succeeded", null));
    Map<String, NamespaceViolation> m = new LinkedHashMap<>();
    v.forEach(x -> m.put(x.testId(), x));
    return m;
  }

  @Override
  public String toString() {
    return testId;
  }
}
