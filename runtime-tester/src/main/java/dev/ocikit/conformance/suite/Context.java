package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.bundle.Rootless;
import dev.ocikit.conformance.bundle.TestBundle;
import dev.ocikit.conformance.driver.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Everything one test run against one runtime may use: the driver, fresh bundles and container ids,
 * and the cleanup list that guarantees every container it made is force-deleted and every directory
 * removed, whatever the test did.
 */
public final class Context {
  private final RuntimeDriver driver;
  private final String runtimeName;
  private final Path workDir;
  private final String idPrefix;
  private final ObservationCache observations;
  private final String ociVersion;
  private final Rootless rootless;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<String> ids = new ArrayList<>();
  // Not final: a judge test points the cgroup judges at a temp tree its fake runtime fills.
  private CgroupHost cgroupHost = CgroupHost.REAL;

  /**
   * @param driver driver for the runtime under test
   * @param runtimeName short name used in reports
   * @param workDir a directory owned by this context, removed by {@link #cleanup()}
   * @param idPrefix unique prefix for container ids of this test run
   * @param observations per-runtime cache of in-container observations
   * @param ociVersion the runtime-spec version targeted: every bundle's config declares it
   */
  public Context(
      RuntimeDriver driver,
      String runtimeName,
      Path workDir,
      String idPrefix,
      ObservationCache observations,
      String ociVersion) {
    this(driver, runtimeName, workDir, idPrefix, observations, ociVersion, null);
  }

  /**
   * A context whose bundles are adapted to a rootless run.
   *
   * @param driver driver for the runtime under test
   * @param runtimeName short name used in reports
   * @param workDir a directory owned by this context, removed by {@link #cleanup()}
   * @param idPrefix unique prefix for container ids of this test run
   * @param observations per-runtime cache of in-container observations
   * @param ociVersion the runtime-spec version targeted: every bundle's config declares it
   * @param rootless the user the runtime runs as, or null when it runs as root
   */
  public Context(
      RuntimeDriver driver,
      String runtimeName,
      Path workDir,
      String idPrefix,
      ObservationCache observations,
      String ociVersion,
      Rootless rootless) {
    this.rootless = rootless;
    this.ociVersion = ociVersion;
    this.driver = driver;
    this.runtimeName = runtimeName;
    this.workDir = workDir;
    this.idPrefix = idPrefix;
    this.observations = observations;
  }

  public RuntimeDriver driver() {
    return driver;
  }

  public String runtimeName() {
    return runtimeName;
  }

  /** {@return the runtime-spec version the run targets for this runtime, e.g. {@code 1.0.2}} */
  public String ociVersion() {
    return ociVersion;
  }

  /** {@return the user the runtime runs as in a rootless run, or null when it runs as root} */
  public Rootless rootless() {
    return rootless;
  }

  public Path workDir() {
    return workDir;
  }

  ObservationCache observations() {
    return observations;
  }

  /** {@return where the cgroup judges read the host: the real one unless a test set another} */
  CgroupHost cgroupHost() {
    return cgroupHost;
  }

  /** Points the cgroup judges at {@code host}, a tree a fake runtime fills in a judge test. */
  void cgroupHost(CgroupHost host) {
    this.cgroupHost = host;
  }

  /** {@return a fresh container id, registered for forced deletion at cleanup} */
  public synchronized String newId() {
    String id = idPrefix + "-" + counter.incrementAndGet();
    ids.add(id);
    return id;
  }

  /** {@return a new bundle with its own id, ready for edits} */
  public Container container() throws IOException {
    String id = newId();
    TestBundle bundle =
        TestBundle.create(workDir.resolve("b" + counter.get()), id, ociVersion, rootless);
    if (rootless != null) {
      rootless.ownOne(workDir); // the runtime writes pid files here
    }
    return new Container(this, id, bundle);
  }

  /** {@return a container whose process blocks until killed, created but not started} */
  public Container createdSleeper() throws IOException {
    Container c = container();
    c.bundle().config().shell(Scripts.SLEEPER);
    c.createOk();
    return c;
  }

  /**
   * When a test expects create to fail, a failure only counts if a plain bundle does work here;
   * otherwise this throws {@link Unmet} so an unusable runtime cannot pass such tests trivially.
   */
  public void requireBaseline() throws IOException {
    Container base = container();
    base.bundle().config().shell(Scripts.QUICK);
    base.createOk();
  }

  /** Polls {@code condition} every 10 ms until true or {@code timeout} passes. */
  public static boolean await(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** Force-deletes every container id handed out and removes the work directory. */
  public void cleanup() {
    List<String> toDelete;
    synchronized (this) {
      toDelete = new ArrayList<>(ids);
    }
    for (String id : toDelete) {
      driver.delete(id, true);
    }
    removeTree(workDir);
  }

  /** Removes a tree without following symlinks (rootfs links point at host paths). */
  public static void removeTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // Reported by the leak check if it matters; keep removing the rest.
                }
              });
    } catch (IOException ignored) {
      // Same as above.
    }
  }
}
