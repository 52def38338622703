package dev.ocikit.conformance.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation error, config admission or {@code features} claim {@link ScriptedRuntime} gets
 * wrong when its violation variable names the test that checks it (scripted-ops.sh, {@link
 * ScriptedConfig}, {@link ScriptedFeatures}), with the text the failing verdict must show.
 *
 * @param testId the registered test whose judge must fail
 * @param evidence what the broken behaviour leaves in the verdict's "actual"
 * @param alsoFailing other tests of the table that judge the same behaviour, which fail too
 */
record OpsViolation(String testId, String evidence, Set<String> alsoFailing) {
  /** Every violation of the table, by test id. */
  static final Map<String, OpsViolation> ALL = table();

  private static final String EXIT_0 = "exited 0";

  private static Map<String, OpsViolation> table() {
    List<OpsViolation> v =
        List.of(
            // refuses a quote in an annotation value
            of("config.annotations-accepted", "annotation com.example.key"),
            // refuses a capability it does not know
            of("config.capability-unknown-accepted", "unknown capability CAP_OCIKIT_BOGUS"),
            // accepts a namespace type the spec does not list
            of("config.namespace-type-invalid", EXIT_0),
            // accepts an rlimit type no kernel resource has
            of("config.rlimit-type-invalid", EXIT_0),
            // refuses an unknown top-level property
            of("config.unknown-properties-ignored", "unknown property dev.ocikit.unknown"),
            // lists CAP_SYSLOG in features, refuses it in a config
            of("features.capabilities-recognized", "CAP_SYSLOG is not supported"),
            // lists prestart in features, runs no such hook
            of("features.hooks-run", "ran ["),
            // lists the network namespace in features, never makes one
            of("features.namespaces-creatable", "not new: [network]"),
            // features claims ociVersionMax 1.4.0, create stops at 1.3.0
            of("features.oci-version-max-accepted", "ociVersion 1.4.0 is outside"),
            // features claims ociVersionMin 1.0.0, create starts at 1.0.2
            of("features.oci-version-min-accepted", "ociVersion 1.0.0 is outside"),
            // an annotation value of features is a number
            of("features.schema", "/annotations/dev.ocikit.scripted.build"),
            // lists SCMP_ACT_LOG, refuses it
            of("features.seccomp-actions-recognized", "unknown SCMP_ACT_LOG"),
            // lists SCMP_ARCH_X86, refuses it
            of("features.seccomp-archs-recognized", "unknown SCMP_ARCH_X86"),
            // lists SCMP_CMP_MASKED_EQ, refuses it
            of("features.seccomp-operators-recognized", "unknown SCMP_CMP_MASKED_EQ"),
            // lists SECCOMP_FILTER_FLAG_SPEC_ALLOW, refuses it
            of(
                "features.seccomp-supported-flags-accepted",
                "unknown SECCOMP_FILTER_FLAG_SPEC_ALLOW"),
            // a second create of one id replaces the first container
            of("operations.create-duplicate-id", EXIT_0),
            // create accepts a config.json that is not JSON
            of("operations.create-invalid-config", EXIT_0),
            // create without a bundle makes a container
            of("operations.create-missing-bundle", EXIT_0),
            // each operation on an unknown or missing id succeeds doing nothing
            of("operations.delete-unknown-id", EXIT_0),
            of("operations.delete-without-id", EXIT_0),
            of("operations.kill-unknown-id", EXIT_0),
            of("operations.kill-without-id", EXIT_0),
            of("operations.start-unknown-id", EXIT_0),
            of("operations.start-without-id", EXIT_0),
            // state of an unknown id says stopped: every "no container after a failed create"
            // check sees one
            new OpsViolation(
                "operations.state-unknown-id",
                EXIT_0,
                Set.of(
                    "config.namespace-type-invalid",
                    "config.rlimit-type-invalid",
                    "operations.create-invalid-config",
                    "operations.create-missing-bundle")),
            // state without an id lists the containers
            of("operations.state-without-id", EXIT_0));
    Map<String, OpsViolation> m = new LinkedHashMap<>();
    v.forEach(x -> m.put(x.testId(), x));
    return m;
  }

  private static OpsViolation of(String testId, String evidence) {
    return new OpsViolation(testId, evidence, Set.of());
  }

  @Override
  public String toString() {
    return testId;
  }
}
