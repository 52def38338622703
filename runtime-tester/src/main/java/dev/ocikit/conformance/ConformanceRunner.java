package dev.ocikit.conformance;

import dev.ocikit.conformance.driver.CallLimits;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.conformance.driver.RunMark;
import dev.ocikit.conformance.driver.RuntimeDriver;
import dev.ocikit.conformance.host.HostAdaptation;
import dev.ocikit.conformance.host.HostAdaptations;
import dev.ocikit.conformance.suite.Context;
import dev.ocikit.conformance.suite.ObservationCache;
import dev.ocikit.conformance.suite.Registry;
import dev.ocikit.conformance.suite.SpecTest;
import dev.ocikit.validate.schema.VersionCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs the runtime-spec v1.3.0 conformance suite against one or more runc-style runtimes.
 *
 * <p>Every container gets an id starting {@code ocikit-ct-<run>-}, is force-deleted after its test
 * whatever happened, and a leak check at the end looks for survivors: containers, processes and
 * cgroups of the run. Every runtime call is bounded in time and output ({@link
 * Builder#callTimeout}, {@link Builder#callOutputLimit}). A runtime that cannot run a trivial
 * container, or a run that skips most tests, is a {@link RunProblem} that fails the run unless
 * accepted. Needs root.
 *
 * <pre>{@code
 * ConformanceReport r = ConformanceRunner.builder()
 *     .runtime(Path.of("/usr/sbin/runc"))
 *     .jobs(2)
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>A runner is immutable once built and {@link #run()} keeps its state per call (each run has its
 * own id, scratch directory and containers), so it may be shared between threads; its {@link
 * Builder} is not thread-safe. Runs at once on one host compete for its CPUs and cgroups, which can
 * make timing-sensitive tests fail.
 */
public final class ConformanceRunner {
  /** Every container id of every run starts with this. */
  public static final String ID_PREFIX = "ocikit-ct-";

  private final List<RuntimeCommand> runtimes;
  private final String ociVersion;
  private final List<HostAdaptation> adaptations;
  private final Pattern only;
  private final int jobs;
  private final ExpectedFailures xfails;
  private final Duration testTimeout;
  private final CallLimits limits;
  private final boolean acceptUnusable;
  private final boolean acceptMostlySkipped;
  private final Consumer<TestResult> onResult;

  private ConformanceRunner(Builder b) {
    this.runtimes = List.copyOf(b.runtimes);
    this.ociVersion = b.ociVersion;
    this.adaptations = b.adaptations;
    this.only = b.only;
    this.jobs = b.jobs;
    this.xfails = b.xfails;
    this.testTimeout = b.testTimeout;
    // A call never outlasts its test: the test's watchdog would stop it anyway.
    Duration call = b.callTimeout.compareTo(b.testTimeout) < 0 ? b.callTimeout : b.testTimeout;
    this.limits = new CallLimits(call, b.callOutputLimit);
    this.acceptUnusable = b.acceptUnusable;
    this.acceptMostlySkipped = b.acceptMostlySkipped;
    this.onResult = b.onResult;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Ids of every registered test, sorted; the catalog an {@code only} pattern filters. */
  public static List<String> testIds() {
    return Registry.all().stream().map(SpecTest::id).toList();
  }

  /**
   * The first line of {@code runtime --version}, bounded like every runtime call.
   *
   * @throws IOException naming the call in one line, when it failed, printed nothing or was stopped
   *     by the timeout or the output limit
   */
  public static String versionLine(Path runtime, Duration callTimeout, long callOutputLimit)
      throws IOException {
    String run = ID_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Path scratch = Files.createTempDirectory(run + "-");
    try {
      CallLimits limits = new CallLimits(callTimeout, callOutputLimit);
      CallResult r =
          new RuntimeDriver(runtime, limits, scratch, new RunMark(run + "-version"))
              .call(List.of("--version"));
      String first = r.stdout().lines().findFirst().orElse("").strip();
      if (!r.ok() || first.isEmpty()) {
        throw new IOException(r.ok() ? r.call() + " printed nothing" : r.describe());
      }
      return first;
    } finally {
      Context.removeTree(scratch);
    }
  }

  /** Runs the selected tests against every runtime in turn, tests of one runtime in parallel. */
  public ConformanceReport run() throws IOException {
    Instant startedAt = Instant.now();
    long t0 = System.nanoTime();
    String run = ID_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Path scratch = Files.createTempDirectory(run + "-");
    // Traversable (not listable) by all, so a container root mapped to another uid reaches rootfs.
    Files.setPosixFilePermissions(
        scratch, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    List<SpecTest> tests =
        Registry.all().stream().filter(t -> only == null || only.matcher(t.id()).find()).toList();
    List<TestResult> results = new ArrayList<>();
    List<RunProblem> problems = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<RuntimeInfo> infos = new ArrayList<>();
    LiveRuns.register(run, scratch, runtimes, limits);
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      for (int r = 0; r < runtimes.size(); r++) {
        long r0 = System.nanoTime();
        String name = runtimeName(runtimes.get(r).name(), names);
        names.add(name);
        String prefix = run + "-r" + r;
        Path dir = Files.createDirectories(scratch.resolve("r" + r));
        RuntimeSetup.Prepared ready =
            RuntimeSetup.prepare(
                runtimes.get(r).named(name), limits, dir, prefix, ociVersion, adaptations);
        RuntimeDriver driver = ready.driver();
        Optional<SmokeProbe.Failure> smoke = ready.smoke();
        String target = ready.info().ociVersion();
        List<TestResult> own = new ArrayList<>();
        for (Future<TestResult> f :
            submit(tests, driver, name, dir, smoke, target, pool, watchdog)) {
          TestResult result = f.get();
          own.add(result);
          onResult.accept(result);
        }
        results.addAll(own);
        problems.addAll(RunChecks.judge(name, smoke, own, acceptUnusable, acceptMostlySkipped));
        problems.addAll(expectedLeaks(LeakCheck.check(driver, name), name));
        infos.add(ready.info().withWallMillis((System.nanoTime() - r0) / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("harness bug: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      watchdog.shutdownNow();
      Context.removeTree(scratch);
      LiveRuns.unregister(scratch);
    }
    results.sort(
        Comparator.comparing((TestResult x) -> names.indexOf(x.runtime()))
            .thenComparing(TestResult::testId));
    return new ConformanceReport(
        infos, results, problems, (System.nanoTime() - t0) / 1_000_000, startedAt);
  }

  /**
   * Starts the tests of one runtime. When the smoke probe had to stop a call, every test would wait
   * for the same timeout or flood, so none is run: each is a skip naming the probe's failure.
   */
  private List<Future<TestResult>> submit(
      List<SpecTest> tests,
      RuntimeDriver driver,
      String name,
      Path dir,
      Optional<SmokeProbe.Failure> smoke,
      String ociVersion,
      ExecutorService pool,
      ScheduledExecutorService watchdog) {
    String unusable = smoke.map(SmokeProbe.Failure::reason).orElse(null);
    boolean stopped = smoke.map(SmokeProbe.Failure::stopped).orElse(false);
    ObservationCache cache = new ObservationCache();
    List<Future<TestResult>> futures = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      SpecTest t = tests.get(i);
      if (stopped) {
        String why = "not run: the runtime's smoke probe was stopped: " + unusable;
        futures.add(CompletableFuture.completedFuture(TestExecution.notRun(t, name, why, xfails)));
        continue;
      }
      Context ctx =
          new Context(
              driver, name, dir.resolve("t" + i), driver.mark() + "-t" + i, cache, ociVersion);
      futures.add(
          pool.submit(() -> TestExecution.run(t, ctx, testTimeout, watchdog, unusable, xfails)));
    }
    return futures;
  }

  /**
   * Leaks stay reported, but an expected-failures entry {@code run.leak RUNTIME reason} (a
   * runtime's own known leak, with its upstream link) accepts them like an expected test failure.
   */
  private List<RunProblem> expectedLeaks(List<RunProblem> leaks, String runtime) {
    Optional<String> known = xfails.reason(RunProblem.Check.LEAK.id(), runtime);
    if (known.isEmpty()) {
      return leaks;
    }
    return leaks.stream()
        .map(
            p ->
                new RunProblem(
                    p.runtime(), p.check(), p.message() + "; expected: " + known.get(), true))
        .toList();
  }

  private static String runtimeName(String base, List<String> taken) {
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + "-" + i;
    }
    return name;
  }

  /**
   * Options for a run; defaults: no filter, one job, no expected failures, 30 s per test, the
   * {@link CallLimits#DEFAULT} limits per runtime call, no run-level problem accepted.
   */
  public static final class Builder {
    private final List<RuntimeCommand> runtimes = new ArrayList<>();
    private String ociVersion;
    private List<HostAdaptation> adaptations = HostAdaptations.forThisHost();
    private Pattern only;
    private int jobs = 1;
    private ExpectedFailures xfails = ExpectedFailures.none();
    private Duration testTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = CallLimits.DEFAULT.timeout();
    private long callOutputLimit = CallLimits.DEFAULT.outputLimit();
    private boolean acceptUnusable;
    private boolean acceptMostlySkipped;
    private Consumer<TestResult> onResult = r -> {};

    private Builder() {}

    /** Adds a runtime executable; the report names it by its file name. */
    public Builder runtime(Path path) {
      return runtime(RuntimeCommand.of(path));
    }

    /** Adds a runtime with its name and global options. */
    public Builder runtime(RuntimeCommand command) {
      runtimes.add(command);
      return this;
    }

    /**
     * The runtime-spec version to target for runtimes without a {@code features} command (which
     * otherwise says it): bundles declare it and tests of newer properties are skipped.
     *
     * @throws IllegalArgumentException when not a version between 1.0.0 and the newest known
     */
    public Builder ociVersion(String version) {
      VersionCheck.requireSupported(version, "--oci-version");
      this.ociVersion = version;
      return this;
    }

    /**
     * The host adaptations to try, in order, for a runtime that cannot run a trivial container as
     * it is (default: {@link HostAdaptations#forThisHost()}; an empty list tries none).
     */
    public Builder hostAdaptations(List<HostAdaptation> candidates) {
      this.adaptations = List.copyOf(candidates);
      return this;
    }

    /** Runs only tests whose id contains a match of this regular expression. */
    public Builder only(String regex) {
      this.only = regex == null ? null : Pattern.compile(regex);
      return this;
    }

    /** {@return how many tests of one runtime run at once} */
    public Builder jobs(int jobs) {
      if (jobs < 1) {
        throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
      }
      this.jobs = jobs;
      return this;
    }

    public Builder expectedFailures(ExpectedFailures xfails) {
      this.xfails = xfails;
      return this;
    }

    /** Longest a single test may take; its containers are force-deleted after. */
    public Builder testTimeout(Duration timeout) {
      this.testTimeout = timeout;
      return this;
    }

    /**
     * Longest one runtime invocation may take (default 10 s, at most the test timeout); then it is
     * stopped, its process tree killed, and it counts as a failed call.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder callTimeout(Duration timeout) {
      new CallLimits(timeout, callOutputLimit); // refuses a bad value here, not mid-run
      this.callTimeout = timeout;
      return this;
    }

    /**
     * Most bytes one runtime invocation may write to stdout, and again to stderr (default 4 MiB); a
     * call writing more is stopped and counts as a failed call. Memory use is bounded by this,
     * never by what the runtime writes.
     *
     * @throws IllegalArgumentException when not between 1 and about 2 GiB (one Java array)
     */
    public Builder callOutputLimit(long bytes) {
      new CallLimits(callTimeout, bytes);
      this.callOutputLimit = bytes;
      return this;
    }

    /**
     * Accepts a runtime that cannot run a trivial container here: its {@link
     * RunProblem.Check#SMOKE_PROBE} problem is still reported, but does not fail the run.
     */
    public Builder acceptUnusableRuntime(boolean accept) {
      this.acceptUnusable = accept;
      return this;
    }

    /**
     * Accepts a run where more than half of a runtime's selected tests were skipped: its {@link
     * RunProblem.Check#MOSTLY_SKIPPED} problem is still reported, but does not fail the run.
     */
    public Builder acceptMostlySkipped(boolean accept) {
      this.acceptMostlySkipped = accept;
      return this;
    }

    /** Called with each result as it is collected (in registry order), e.g. for progress. */
    public Builder onResult(Consumer<TestResult> listener) {
      this.onResult = listener;
      return this;
    }

    public ConformanceRunner build() {
      if (runtimes.isEmpty()) {
        throw new IllegalStateException("no runtime given");
      }
      return new ConformanceRunner(this);
    }
  }
}
