package dev.ocikit.conformance.driver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a runtime that speaks the runc command line ({@code create --bundle B ID}, {@code start},
 * {@code state}, {@code kill}, {@code delete}, {@code features}, {@code list}), trusting it with no
 * more than its {@link CallLimits}: a call that runs too long or writes too much is stopped and its
 * process tree killed, and output is read back only up to the limit.
 *
 * <p>Every call carries the {@link RunMark} in its environment and a call token of its own; a
 * stopped call also kills processes holding that token, which catches children that left the
 * process tree (a double fork) without scrubbing their environment.
 */
public final class RuntimeDriver {
  /** Environment variable naming one call, so its escaped children can be killed with it. */
  static final String CALL_ENV = "OCIKIT_CONFORMANCE_CALL";

  private static final AtomicLong CALLS = new AtomicLong();

  /** How often a running call's output size is looked at: bounds disk use past the limit. */
  private static final long POLL_MILLIS = 20;

  private final Path runtime;
  private final List<String> globalArgs;
  private final List<String> prefix;
  private final CallLimits limits;
  private final Path scratch;
  private final RunMark mark;
  private final Set<String> ids;

  /** The whole environment of every call, or null to inherit the harness's. */
  private final Map<String, String> env;

  /**
   * @param runtime path of the runtime executable
   * @param limits timeout and output limit of every call
   * @param scratch directory for the temporary output files
   * @param mark the run's id prefix, put into every call's environment
   */
  public RuntimeDriver(Path runtime, CallLimits limits, Path scratch, RunMark mark) {
    this(runtime, List.of(), List.of(), limits, scratch, mark, ConcurrentHashMap.newKeySet(), null);
  }

  /**
   * @param runtime path of the runtime executable
   * @param globalArgs options put after the executable and before the subcommand of every call
   * @param limits timeout and output limit of every call
   * @param scratch directory for the temporary output files
   * @param mark the run's id prefix, put into every call's environment
   */
  public RuntimeDriver(
      Path runtime, List<String> globalArgs, CallLimits limits, Path scratch, RunMark mark) {
    this(
        runtime, globalArgs, List.of(), limits, scratch, mark, ConcurrentHashMap.newKeySet(), null);
  }

  private RuntimeDriver(
      Path runtime,
      List<String> globalArgs,
      List<String> prefix,
      CallLimits limits,
      Path scratch,
      RunMark mark,
      Set<String> ids,
      Map<String, String> env) {
    this.runtime = runtime;
    this.globalArgs = List.copyOf(globalArgs);
    this.prefix = List.copyOf(prefix);
    this.limits = limits;
    this.scratch = scratch;
    this.mark = mark;
    this.ids = ids;
    this.env = env == null ? null : Map.copyOf(env);
  }

  /**
   * The same runtime reached through {@code wrapper}, which is given the runtime's command line as
   * its arguments and ends by exec'ing them; same limits, mark and record of container ids.
   */
  public RuntimeDriver through(Path wrapper, Path scratchDir) {
    List<String> more = new ArrayList<>(prefix);
    more.add(wrapper.toString());
    return new RuntimeDriver(runtime, globalArgs, more, limits, scratchDir, mark, ids, env);
  }

  /**
   * The same runtime started through {@code commandPrefix} (a host adaptation: a command that ends
   * by exec'ing its arguments), sharing limits, mark and the record of container ids.
   */
  public RuntimeDriver prefixed(List<String> commandPrefix) {
    List<String> more = new ArrayList<>(commandPrefix);
    more.addAll(prefix);
    return new RuntimeDriver(runtime, globalArgs, more, limits, scratch, mark, ids, env);
  }

  /**
   * The same runtime run as an unprivileged user through {@code setpriv} (uid, gid, no
   * supplementary groups; the kernel drops every capability on leaving uid 0), with exactly {@code
   * environment} (plus the run's mark) instead of the harness's: a rootless runtime must not see
   * root's HOME or XDG_RUNTIME_DIR.
   *
   * @param uid the user's uid
   * @param gid the user's gid
   * @param environment every variable the runtime gets, e.g. PATH, HOME, XDG_RUNTIME_DIR
   * @return the driver
   */
  public RuntimeDriver asUser(int uid, int gid, Map<String, String> environment) {
    List<String> more =
        new ArrayList<>(
            List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
    more.addAll(prefix);
    return new RuntimeDriver(runtime, globalArgs, more, limits, scratch, mark, ids, environment);
  }

  /**
   * The same runtime with a longer call timeout, for the one test whose call is expected to take
   * seconds by design (a hook aborted at its timeout); shares mark, ids and environment.
   *
   * @param timeout the call timeout; the current one is kept when it is longer
   * @return the driver
   */
  public RuntimeDriver withCallTimeoutAtLeast(Duration timeout) {
    if (timeout.compareTo(limits.timeout()) <= 0) {
      return this;
    }
    CallLimits longer = new CallLimits(timeout, limits.outputLimit());
    return new RuntimeDriver(runtime, globalArgs, prefix, longer, scratch, mark, ids, env);
  }

  public Path runtime() {
    return runtime;
  }

  /** The runtime's global options, given before every subcommand. */
  public List<String> globalArgs() {
    return globalArgs;
  }

  /** The call limits every call of this driver runs under. */
  public CallLimits limits() {
    return limits;
  }

  public RunMark mark() {
    return mark;
  }

  /** Every container id of the run passed to the runtime so far, whatever the command. */
  public Set<String> containerIds() {
    return Set.copyOf(ids);
  }

  public CallResult create(Path bundle, String id, Path pidFile) {
    List<String> args = new ArrayList<>(List.of("create", "--bundle", bundle.toString()));
    if (pidFile != null) {
      args.add("--pid-file");
      args.add(pidFile.toString());
    }
    args.add(id);
    return call(args);
  }

  public CallResult start(String id) {
    return call(List.of("start", id));
  }

  public CallResult state(String id) {
    return call(List.of("state", id));
  }

  public CallResult kill(String id, String signal) {
    return call(List.of("kill", id, signal));
  }

  public CallResult delete(String id, boolean force) {
    return call(force ? List.of("delete", "--force", id) : List.of("delete", id));
  }

  public CallResult features() {
    return call(List.of("features"));
  }

  public CallResult list() {
    return call(List.of("list", "--format", "json"));
  }

  /** Runs the runtime with arbitrary arguments (for malformed invocations such as a missing id). */
  public CallResult call(List<String> args) {
    List<String> command = new ArrayList<>(prefix);
    command.add(runtime.toString());
    command.addAll(globalArgs);
    command.addAll(args);
    args.stream().filter(mark::isContainerId).forEach(ids::add);
    String token = mark.prefix() + "-call-" + CALLS.incrementAndGet();
    long t0 = System.nanoTime();
    try (CallOutput output = CallOutput.in(scratch, limits.outputLimit())) {
      ProcessBuilder pb = new ProcessBuilder(command);
      if (env != null) {
        pb.environment().clear();
        pb.environment().putAll(env);
      }
      pb.environment().put(RunMark.ENV, mark.prefix());
      pb.environment().put(CALL_ENV, token);
      pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      pb.redirectOutput(output.stdoutFile().toFile());
      pb.redirectError(output.stderrFile().toFile());
      Process p = pb.start();
      String stopped = await(p, output, token, command);
      if (stopped == null) {
        stopped = output.overLimit(); // written between the last look and the exit
      }
      // Reports name the runtime's own arguments, not a host adaptation's prefix.
      return new CallResult(
          command.subList(prefix.size(), command.size()),
          stopped == null ? p.exitValue() : -1,
          output.stdout(),
          output.stderr(),
          stopped,
          millisSince(t0));
    } catch (IOException e) {
      return new CallResult(
          command.subList(prefix.size(), command.size()),
          127,
          "",
          "cannot run runtime: " + e.getMessage(),
          null,
          millisSince(t0));
    }
  }

  /** Waits for the call to end; returns null, or why it was stopped after killing its tree. */
  private String await(Process p, CallOutput output, String token, List<String> command) {
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          killCall(p, token);
          return "timed out after " + limits.timeout().toMillis() + " ms";
        }
        if (p.waitFor(
            Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS)) {
          return null;
        }
        String over = output.overLimit();
        if (over != null) {
          killCall(p, token);
          return over;
        }
      }
    } catch (InterruptedException e) {
      killCall(p, token);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  /** Kills the call's process tree, then whatever else still carries its token. */
  private static void killCall(Process p, String token) {
    HostProcesses.kill(p.toHandle());
    for (HostProcesses.Entry e : HostProcesses.withEnv(CALL_ENV, token)) {
      HostProcesses.kill(e.handle());
    }
  }

  private static long millisSince(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
