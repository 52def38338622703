package dev.ocikit.conformance;

import dev.ocikit.conformance.driver.CallLimits;
import dev.ocikit.conformance.host.HostAdaptation;
import dev.ocikit.conformance.host.HostAdaptations;
import dev.ocikit.validate.schema.VersionCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How {@link ConformanceRunner#run(ConformanceOptions)} runs the suite. Immutable; start from
 * {@link #of(List)} (the defaults for the given runtimes) and change it with the {@code with…}
 * copies. Every value is checked here, so a bad one fails with one line naming it before any
 * runtime is called.
 *
 * @param runtimes the runtimes under test, in report order; at least one
 * @param ociVersion the runtime-spec version to target for runtimes without a {@code features}
 *     command (which otherwise says it), or null to take it from their {@code --version}; bundles
 *     declare it and tests of newer properties are skipped
 * @param hostAdaptations the host adaptations to try, in order, for a runtime that cannot run a
 *     trivial container as it is (an empty list tries none)
 * @param only a regular expression; only tests whose id contains a match run (null: all)
 * @param jobs how many tests of one runtime run at once
 * @param expectedFailures the known failures, reported as XFAIL instead of FAIL
 * @param testTimeout longest a single test may take; its containers are force-deleted after
 * @param callTimeout longest one runtime invocation may take (at most the test timeout is used);
 *     then it is stopped, its process tree killed, and it counts as a failed call
 * @param callOutputLimit most bytes one runtime invocation may write to stdout, and again to
 *     stderr; more stops the call, so memory use is bounded by this and not by the runtime
 * @param acceptUnusableRuntime whether a runtime that cannot run a trivial container here ({@link
 *     RunProblem.Check#SMOKE_PROBE}) is still reported but does not fail the run
 * @param acceptMostlySkipped whether a runtime with more than half of its selected tests skipped
 *     ({@link RunProblem.Check#MOSTLY_SKIPPED}) is still reported but does not fail the run
 * @param rootlessUser the unprivileged user every runtime call runs as (rootless: a user namespace
 *     maps container root to it, no cgroups, no device nodes; tests that cannot make sense so are
 *     skipped as "not applicable rootless"), or null to run the runtime as root
 */
public record ConformanceOptions(
    List<RuntimeCommand> runtimes,
    String ociVersion,
    List<HostAdaptation> hostAdaptations,
    String only,
    int jobs,
    ExpectedFailures expectedFailures,
    Duration testTimeout,
    Duration callTimeout,
    long callOutputLimit,
    boolean acceptUnusableRuntime,
    boolean acceptMostlySkipped,
    String rootlessUser) {
  /** A POSIX-portable user name, as useradd accepts it. */
  private static final Pattern USER_NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");

  /**
   * Checks every value.
   *
   * @param runtimes the runtimes under test, in report order; at least one
   * @param ociVersion a runtime-spec version this toolkit supports, or null to ask each runtime
   * @param hostAdaptations the host adaptations to try, in order; may be empty
   * @param only a valid regular expression on test ids, or null for every test
   * @param jobs how many tests of one runtime run at once, at least 1
   * @param expectedFailures the known failures, reported as XFAIL instead of FAIL
   * @param testTimeout longest a single test may take, positive
   * @param callTimeout longest one runtime invocation may take, positive
   * @param callOutputLimit most bytes one invocation may write per stream, 1 to {@code 2^31 - 17}
   * @param acceptUnusableRuntime whether a failed smoke probe does not fail the run
   * @param acceptMostlySkipped whether a runtime with most tests skipped does not fail the run
   * @param rootlessUser the unprivileged user (a user name, not root) runtimes run as, or null
   * @throws IllegalArgumentException naming the value and the rule it breaks
   * @throws NullPointerException if a list, {@code expectedFailures} or {@code callTimeout} is null
   */
  public ConformanceOptions {
    Objects.requireNonNull(runtimes, "runtimes");
    runtimes = List.copyOf(runtimes);
    if (runtimes.isEmpty()) {
      throw new IllegalArgumentException("runtimes: at least one runtime is needed");
    }
    if (ociVersion != null) {
      VersionCheck.requireSupported(ociVersion, "ociVersion");
    }
    hostAdaptations = List.copyOf(Objects.requireNonNull(hostAdaptations, "hostAdaptations"));
    if (only != null) {
      try {
        Pattern.compile(only);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("only: invalid pattern: " + e.getDescription(), e);
      }
    }
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
    }
    Objects.requireNonNull(expectedFailures, "expectedFailures");
    if (testTimeout == null || testTimeout.isNegative() || testTimeout.isZero()) {
      throw new IllegalArgumentException("testTimeout must be positive, got " + testTimeout);
    }
    Objects.requireNonNull(callTimeout, "callTimeout");
    new CallLimits(callTimeout, callOutputLimit); // its rules, its messages
    if (rootlessUser != null && !USER_NAME.matcher(rootlessUser).matches()) {
      throw new IllegalArgumentException(
          "rootlessUser: '" + rootlessUser + "' is not a user name like ocikit-rootless");
    }
    if ("root".equals(rootlessUser)) {
      throw new IllegalArgumentException("rootlessUser: root is not an unprivileged user");
    }
  }

  /**
   * The defaults for {@code runtimes}: the target from each runtime, {@link
   * HostAdaptations#forThisHost()}, every test, one job, no expected failures, 30 s per test,
   * {@link CallLimits#DEFAULT} per runtime call, no run-level problem accepted, as root.
   *
   * @param runtimes the runtimes under test, in report order
   * @return the options
   * @throws IllegalArgumentException when {@code runtimes} is empty
   */
  public static ConformanceOptions of(List<RuntimeCommand> runtimes) {
    return new ConformanceOptions(
        runtimes,
        null,
        HostAdaptations.forThisHost(),
        null,
        1,
        ExpectedFailures.none(),
        Duration.ofSeconds(30),
        CallLimits.DEFAULT.timeout(),
        CallLimits.DEFAULT.outputLimit(),
        false,
        false,
        null);
  }

  /**
   * The defaults for one runtime executable, named in reports by its file name.
   *
   * @param runtime path of the runtime executable
   * @return the options
   */
  public static ConformanceOptions of(Path runtime) {
    return of(List.of(RuntimeCommand.of(runtime)));
  }

  /**
   * {@return a copy with other runtimes}
   *
   * @param list the runtimes under test, in report order
   */
  public ConformanceOptions withRuntimes(List<RuntimeCommand> list) {
    return new ConformanceOptions(
        list,
        ociVersion,
        hostAdaptations,
        only,
        jobs,
        expectedFailures,
        testTimeout,
        callTimeout,
        callOutputLimit,
        acceptUnusableRuntime,
        acceptMostlySkipped,
        rootlessUser);
  }

  /**
   * {@return a copy with another target}
   *
   * @param version the runtime-spec version to target, or null to take it from each runtime
   */
  public ConformanceOptions withOciVersion(String version) {
    return new ConformanceOptions(
        runtimes,
        version,
        hostAdaptations,
        only,
        jobs,
        expectedFailures,
        testTimeout,
        callTimeout,
        callOutputLimit,
        acceptUnusableRuntime,
        acceptMostlySkipped,
        rootlessUser);
  }

  /**
   * {@return a copy with other host adaptations}
   *
   * @param candidates the host adaptations to try, in order (empty: none)
   */
  public ConformanceOptions withHostAdaptations(List<HostAdaptation> candidates) {
    return new ConformanceOptions(
        runtimes,
        ociVersion,
        candidates,
        only,
        jobs,
        expectedFailures,
        testTimeout,
        callTimeout,
        callOutputLimit,
        acceptUnusableRuntime,
        acceptMostlySkipped,
        rootlessUser);
  }

  /**
   * {@return a copy that runs only the matching tests}
   *
   * @param regex a regular expression on test ids, or null for every test
   */
  public ConformanceOptions withOnly(String regex) {
    return new ConformanceOptions(
        runtimes,
        ociVersion,
        hostAdaptations,
        regex,
        jobs,
        expectedFailures,
        testTimeout,
        callTimeout,
        callOutputLimit,
        acceptUnusableRuntime,
        acceptMostlySkipped,
        rootlessUser);
  }

  /**
   * {@return a copy with another parallelism}
   *
   * @param n how many tests of one runtime run at once, at least 1
   */
  public ConformanceOptions withJobs(int n) {
    return new ConformanceOptions(
        runtimes,
        ociVersion,
        hostAdaptations,
        only,
        n,
        expectedFailures,
        testTimeout,
        callTimeout,
        callOutputLimit,
        acceptUnusableRuntime,
        acceptMostlySkipped,
        rootlessUser);
  }

  /**
   * {@return a copy with other expected failures}
   *
   * @param xfails the known failures
   */
  public ConformanceOptions withExpectedFailures(ExpectedFailures xfails) {
    return new ConformanceOptions(
        runtimes,
        ociVersion,
        hostAdaptations,
        only,
        jobs,
        xfails,
        testTimeout,
        callTimeout,
        callOutputLimit,
        acceptUnusableRuntime,
        acceptMostlySkipped,
        rootlessUser);
  }

  /**
   * {@return a copy with another test timeout}
   *
   * @param timeout longest a single test may take, positive
   */
  public ConformanceOptions withTestTimeout(Duration timeout) {
    return new ConformanceOptions(
        runtimes,
        ociVersion,
        hostAdaptations,
        only,
        jobs,
        expectedFailures,
        timeout,
        callTimeout,
        callOutputLimit,
        acceptUnusableRuntime,
        acceptMostlySkipped,
        rootlessUser);
  }

  /**
   * {@return a copy with another call timeout}
   *
   * @param timeout longest one runtime invocation may take, positive
   */
  public ConformanceOptions withCallTimeout(Duration timeout) {
    return new ConformanceOptions(
        runtimes,
        ociVersion,
        hostAdaptations,
        only,
        jobs,
        expectedFailures,
        testTimeout,
        timeout,
        callOutputLimit,
        acceptUnusableRuntime,
        acceptMostlySkipped,
        rootlessUser);
  }

  /**
   * {@return a copy with another output limit}
   *
   * @param bytes most bytes one runtime invocation may write per stream, 1 to {@link
   *     CallLimits#MAX_OUTPUT_LIMIT}
   */
  public ConformanceOptions withCallOutputLimit(long bytes) {
    return new ConformanceOptions(
        runtimes,
        ociVersion,
        hostAdaptations,
        only,
        jobs,
        expectedFailures,
        testTimeout,
        callTimeout,
        bytes,
        acceptUnusableRuntime,
        acceptMostlySkipped,
        rootlessUser);
  }

  /**
   * {@return a copy that accepts (or not) a failed smoke probe}
   *
   * @param accept whether an unusable runtime does not fail the run
   */
  public ConformanceOptions withAcceptUnusableRuntime(boolean accept) {
    return new ConformanceOptions(
        runtimes,
        ociVersion,
        hostAdaptations,
        only,
        jobs,
        expectedFailures,
        testTimeout,
        callTimeout,
        callOutputLimit,
        accept,
        acceptMostlySkipped,
        rootlessUser);
  }

  /**
   * {@return a copy that accepts (or not) more than half of a runtime's tests skipped}
   *
   * @param accept whether a mostly skipped runtime does not fail the run
   */
  public ConformanceOptions withAcceptMostlySkipped(boolean accept) {
    return new ConformanceOptions(
        runtimes,
        ociVersion,
        hostAdaptations,
        only,
        jobs,
        expectedFailures,
        testTimeout,
        callTimeout,
        callOutputLimit,
        acceptUnusableRuntime,
        accept,
        rootlessUser);
  }

  /**
   * {@return a copy whose runtime calls run as {@code user}, rootless (as root when it is null)}
   *
   * @param user an unprivileged user's name, or null to run the runtime as root
   */
  public ConformanceOptions withRootlessUser(String user) {
    return new ConformanceOptions(
        runtimes,
        ociVersion,
        hostAdaptations,
        only,
        jobs,
        expectedFailures,
        testTimeout,
        callTimeout,
        callOutputLimit,
        acceptUnusableRuntime,
        acceptMostlySkipped,
        user);
  }
}
