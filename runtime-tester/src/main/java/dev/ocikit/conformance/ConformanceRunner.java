package dev.ocikit.conformance;

import dev.ocikit.conformance.bundle.Rootless;
import dev.ocikit.conformance.driver.CallLimits;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.conformance.driver.RunMark;
import dev.ocikit.conformance.driver.RuntimeDriver;
import dev.ocikit.conformance.suite.Context;
import dev.ocikit.conformance.suite.ObservationCache;
import dev.ocikit.conformance.suite.Registry;
import dev.ocikit.conformance.suite.SpecTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
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
 * ConformanceOptions#callTimeout()}, {@link ConformanceOptions#callOutputLimit()}). A runtime that
 * cannot run a trivial container, or a run that skips most tests, is a {@link RunProblem} that
 * fails the run unless accepted. Needs root.
 *
 * <pre>{@code
 * ConformanceReport r =
 *     ConformanceRunner.run(ConformanceOptions.of(Path.of("/usr/sbin/runc")).withJobs(2));
 * }</pre>
 *
 * <p>Stateless: each {@link #run} keeps its state to itself (its own id, scratch directory and
 * containers), so runs may start from several threads. Runs at once on one host compete for its
 * CPUs and cgroups, which can make timing-sensitive tests fail.
 */
public final class ConformanceRunner {
  /** Every container id of every run starts with this. */
  public static final String ID_PREFIX = "ocikit-ct-";

  private ConformanceRunner() {}

  /** {@return the ids of every registered test, sorted: what an {@code only} pattern filters} */
  public static List<String> testIds() {
    return Registry.all().stream().map(SpecTest::id).toList();
  }

  /**
   * The first line of {@code runtime --version}, bounded like every runtime call.
   *
   * @param runtime path of the runtime executable
   * @param callTimeout longest the call may take, positive
   * @param callOutputLimit most bytes the call may write to stdout, and again to stderr: 1 to
   *     {@code Integer.MAX_VALUE - 16}
   * @return the first line it printed on stdout, stripped; never empty
   * @throws IllegalArgumentException when {@code callTimeout} or {@code callOutputLimit} is out of
   *     range
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

  /**
   * Runs the selected tests against every runtime in turn, tests of one runtime in parallel.
   *
   * @param options what to run and how
   * @return every result, run-level problem and time of the run
   * @throws IOException when the scratch directory cannot be made, or the run was interrupted
   */
  public static ConformanceReport run(ConformanceOptions options) throws IOException {
    return run(options, r -> {});
  }

  /**
   * Runs as {@link #run(ConformanceOptions)} does, handing each result to {@code onResult} as it is
   * collected (in registry order per runtime), e.g. to show progress. The listener is a parameter,
   * not an option: options are a value (compared, printed, reused), a callback is not.
   *
   * @param options what to run and how
   * @param onResult called with each result on the calling thread
   * @return every result, run-level problem and time of the run
   * @throws IOException when the scratch directory cannot be made, the rootless user does not
   *     exist, or the run was interrupted
   */
  public static ConformanceReport run(ConformanceOptions options, Consumer<TestResult> onResult)
      throws IOException {
    Objects.requireNonNull(onResult, "onResult");
    Rootless rootless =
        options.rootlessUser() == null ? null : Rootless.lookup(options.rootlessUser());
    CallLimits limits = callLimits(options);
    Pattern only = options.only() == null ? null : Pattern.compile(options.only());
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
    List<RuntimeCommand> runtimes = new ArrayList<>();
    List<Path> homes = new ArrayList<>();
    for (int r = 0; r < options.runtimes().size(); r++) {
      RuntimeCommand command = options.runtimes().get(r);
      if (rootless != null) {
        Path home = RootlessRuns.home(rootless, Files.createDirectories(scratch.resolve("r" + r)));
        command = RootlessRuns.command(command, home);
        homes.add(home);
      }
      runtimes.add(command);
    }
    LiveRuns.register(run, scratch, runtimes, limits);
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
    Cleanups cleaner = new Cleanups(options.jobs());
    try {
      for (int r = 0; r < runtimes.size(); r++) {
        long r0 = System.nanoTime();
        String name = runtimeName(runtimes.get(r).name(), names);
        names.add(name);
        String prefix = run + "-r" + r;
        Path dir = Files.createDirectories(scratch.resolve("r" + r));
        RuntimeSetup.Prepared ready =
            RuntimeSetup.prepare(
                runtimes.get(r).named(name),
                limits,
                dir,
                prefix,
                options.ociVersion(),
                options.hostAdaptations(),
                rootless,
                rootless == null ? null : homes.get(r));
        RuntimeDriver driver = ready.driver();
        Optional<SmokeProbe.Failure> smoke = ready.smoke();
        String target = ready.info().ociVersion();
        List<TestResult> own = new ArrayList<>();
        for (Future<TestResult> f :
            submit(
                tests, driver, name, dir, smoke, target, options, rootless, pool, watchdog,
                cleaner)) {
          TestResult result = f.get();
          own.add(result);
          onResult.accept(result);
        }
        cleaner.awaitAll();
        results.addAll(own);
        problems.addAll(
            RunChecks.judge(
                name, smoke, own, options.acceptUnusableRuntime(), options.acceptMostlySkipped()));
        problems.addAll(
            expectedLeaks(LeakCheck.check(driver, name), name, options.expectedFailures()));
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
      cleaner.close();
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
  private static List<Future<TestResult>> submit(
      List<SpecTest> tests,
      RuntimeDriver driver,
      String name,
      Path dir,
      Optional<SmokeProbe.Failure> smoke,
      String ociVersion,
      ConformanceOptions options,
      Rootless rootless,
      ExecutorService pool,
      ScheduledExecutorService watchdog,
      Cleanups cleaner) {
    String unusable = smoke.map(SmokeProbe.Failure::reason).orElse(null);
    boolean stopped = smoke.map(SmokeProbe.Failure::stopped).orElse(false);
    ObservationCache cache = new ObservationCache();
    ExpectedFailures xfails = options.expectedFailures();
    Duration testTimeout = options.testTimeout();
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
              driver,
              name,
              dir.resolve("t" + i),
              driver.mark() + "-t" + i,
              cache,
              ociVersion,
              rootless);
      futures.add(
          pool.submit(
              () -> TestExecution.run(t, ctx, testTimeout, watchdog, cleaner, unusable, xfails)));
    }
    return futures;
  }

  /**
   * Leaks stay reported, but an expected-failures entry {@code run.leak RUNTIME reason} (a
   * runtime's own known leak, with its upstream link) accepts them like an expected test failure.
   */
  private static List<RunProblem> expectedLeaks(
      List<RunProblem> leaks, String runtime, ExpectedFailures xfails) {
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

  /** {@return the limits of every runtime call: a call never outlasts its test} */
  static CallLimits callLimits(ConformanceOptions o) {
    Duration call =
        o.callTimeout().compareTo(o.testTimeout()) < 0 ? o.callTimeout() : o.testTimeout();
    return new CallLimits(call, o.callOutputLimit());
  }

  private static String runtimeName(String base, List<String> taken) {
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + "-" + i;
    }
    return name;
  }
}
