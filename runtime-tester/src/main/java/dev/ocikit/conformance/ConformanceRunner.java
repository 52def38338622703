package dev.ocikit.conformance;

import dev.ocikit.conformance.driver.RuntimeDriver;
import dev.ocikit.conformance.suite.Context;
import dev.ocikit.conformance.suite.ObservationCache;
import dev.ocikit.conformance.suite.Registry;
import dev.ocikit.conformance.suite.SpecTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
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
 * whatever happened, and a leak check at the end looks for survivors. Needs root.
 *
 * <pre>{@code
 * ConformanceReport r = ConformanceRunner.builder()
 *     .runtime(Path.of("/usr/sbin/runc"))
 *     .jobs(2)
 *     .build()
 *     .run();
 * }</pre>
 */
public final class ConformanceRunner {
  /** Every container id of every run starts with this. */
  public static final String ID_PREFIX = "ocikit-ct-";

  private final List<Path> runtimes;
  private final Pattern only;
  private final int jobs;
  private final ExpectedFailures xfails;
  private final Duration testTimeout;
  private final Consumer<TestResult> onResult;

  private ConformanceRunner(Builder b) {
    this.runtimes = List.copyOf(b.runtimes);
    this.only = b.only;
    this.jobs = b.jobs;
    this.xfails = b.xfails;
    this.testTimeout = b.testTimeout;
    this.onResult = b.onResult;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Ids of every registered test, sorted; the catalog an {@code only} pattern filters. */
  public static List<String> testIds() {
    return Registry.all().stream().map(SpecTest::id).toList();
  }

  /** Runs the selected tests against every runtime in turn, tests of one runtime in parallel. */
  public ConformanceReport run() throws IOException {
    long t0 = System.nanoTime();
    String run = ID_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Path scratch = Files.createTempDirectory(run + "-");
    // Traversable (not listable) by all, so a container root mapped to another uid reaches rootfs.
    Files.setPosixFilePermissions(
        scratch, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    List<SpecTest> tests =
        Registry.all().stream().filter(t -> only == null || only.matcher(t.id()).find()).toList();
    List<TestResult> results = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    List<String> names = new ArrayList<>();
    LiveRuns.register(run, scratch, runtimes);
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      for (int r = 0; r < runtimes.size(); r++) {
        String name = runtimeName(runtimes.get(r), names);
        names.add(name);
        String prefix = run + "-r" + r;
        Path dir = Files.createDirectories(scratch.resolve("r" + r));
        Duration callTimeout =
            testTimeout.compareTo(Duration.ofSeconds(10)) < 0
                ? testTimeout
                : Duration.ofSeconds(10);
        RuntimeDriver driver = new RuntimeDriver(runtimes.get(r), callTimeout, dir);
        String unusable = SmokeProbe.run(driver, dir.resolve("smoke"), prefix + "-smoke");
        ObservationCache cache = new ObservationCache();
        List<Future<TestResult>> futures = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
          SpecTest t = tests.get(i);
          Context ctx = new Context(driver, name, dir.resolve("t" + i), prefix + "-t" + i, cache);
          futures.add(
              pool.submit(
                  () -> TestExecution.run(t, ctx, testTimeout, watchdog, unusable, xfails)));
        }
        for (Future<TestResult> f : futures) {
          TestResult result = f.get();
          results.add(result);
          onResult.accept(result);
        }
        leaks.addAll(LeakCheck.check(driver, name, prefix));
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
    return new ConformanceReport(names, results, leaks, (System.nanoTime() - t0) / 1_000_000);
  }

  private static String runtimeName(Path runtime, List<String> taken) {
    String base = runtime.getFileName().toString();
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + "-" + i;
    }
    return name;
  }

  /** Options for a run; defaults: no filter, one job, no expected failures, 30 s per test. */
  public static final class Builder {
    private final List<Path> runtimes = new ArrayList<>();
    private Pattern only;
    private int jobs = 1;
    private ExpectedFailures xfails = ExpectedFailures.none();
    private Duration testTimeout = Duration.ofSeconds(30);
    private Consumer<TestResult> onResult = r -> {};

    private Builder() {}

    /** Adds a runtime executable; the report names it by its file name. */
    public Builder runtime(Path path) {
      runtimes.add(path);
      return this;
    }

    /** Runs only tests whose id contains a match of this regular expression. */
    public Builder only(String regex) {
      this.only = regex == null ? null : Pattern.compile(regex);
      return this;
    }

    /** How many tests of one runtime run at once. */
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
