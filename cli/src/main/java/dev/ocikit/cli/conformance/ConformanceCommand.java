package dev.ocikit.cli.conformance;

import dev.ocikit.cli.support.Errors;
import dev.ocikit.cli.support.Verbosity;
import dev.ocikit.conformance.ConformanceOptions;
import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.ConformanceRunner;
import dev.ocikit.conformance.ExpectedFailures;
import dev.ocikit.conformance.RuntimeCommand;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import dev.ocikit.conformance.report.HtmlMatrix;
import dev.ocikit.conformance.report.JsonReport;
import dev.ocikit.conformance.report.JunitXmlReport;
import dev.ocikit.conformance.report.ReportWriter;
import dev.ocikit.conformance.report.TapReport;
import dev.ocikit.spec.file.IoErrors;
import dev.ocikit.validate.schema.VersionCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oci-tool conformance}: run the runtime-spec conformance suite against real runtimes. */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the runtime-spec conformance suite against runtimes.",
      "%nDrive one or more runc-style runtimes through the runtime-spec v1.3.0 lifecycle and judge what they do. Needs root and a static busybox at /bin/busybox. Progress and a summary go to standard error, the report in --format to standard output (or every format into --output DIR). Without --expect-fail, runtime-tester/expected-failures/NAME-VERSION.txt of the checkout is used when it exists (e.g. runc-1.1.5.txt for runc 1.1.5).",
      "%nThe runtime is not trusted: every call is bounded by --call-timeout and --call-output-limit, and what a run leaves behind (containers, processes, cgroups) is reported and removed. A runtime that cannot run a trivial container, or a run that skipped more than half of a runtime's tests, fails the run unless allowed."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no unexpected failure, nothing leaked, no run problem that was not allowed",
      "1:a test failed unexpectedly, something leaked, a runtime could not run a trivial"
          + " container, or most tests were skipped",
      "2:usage error, runtime not found, unreadable expected-failures file, or not root"
    })
public final class ConformanceCommand implements Callable<Integer> {
  private static final Map<String, Function<ConformanceReport, String>> FORMATS =
      Map.of(
          "tap", TapReport::render,
          "junit", JunitXmlReport::render,
          "json", JsonReport::render,
          "html", HtmlMatrix::render);

  @Spec CommandLine.Model.CommandSpec spec;

  /** The runtimes in the order given, each with the global options given so far. */
  private final List<RuntimeOption> runtimes = new ArrayList<>();

  /** {@code --runtime-arg} values given before any {@code --runtime}. */
  private final List<String> leadingArgs = new ArrayList<>();

  /** The first bad {@code --runtime} value, reported by {@link #call()} as a usage error. */
  private String runtimeError;

  @Option(
      names = "--runtime",
      paramLabel = "RUNTIME",
      required = true,
      parameterConsumer = InOrder.class,
      description = {
        "Runtime name on PATH or path to it, or NAME=COMMAND LINE with global options"
            + " (e.g. 'gvisor=runsc --platform=ptrace'); repeat for a matrix."
      })
  void runtime(String value) {
    try {
      runtimes.add(RuntimeOption.parse(value));
    } catch (IllegalArgumentException e) {
      runtimeError = runtimeError == null ? e.getMessage() : runtimeError;
    }
  }

  @Option(
      names = "--runtime-arg",
      paramLabel = "ARG",
      parameterConsumer = InOrder.class,
      description =
          "Global option for the preceding --runtime (or the only one), put before every"
              + " subcommand; repeatable, e.g. --runtime-arg=--platform=ptrace.")
  void runtimeArg(String arg) {
    if (runtimes.isEmpty()) {
      leadingArgs.add(arg);
    } else {
      runtimes.set(runtimes.size() - 1, runtimes.get(runtimes.size() - 1).withArg(arg));
    }
  }

  @Option(
      names = "--oci-version",
      paramLabel = "VERSION",
      description =
          "runtime-spec version to target for a runtime without a features command (default:"
              + " the spec line of its --version, else the newest known); bundles declare it and"
              + " tests of newer properties are skipped.")
  String ociVersion;

  @Option(names = "--only", paramLabel = "PATTERN", description = "Regex on test ids.")
  String only;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      defaultValue = "2",
      description = "Tests of one runtime run at once (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "tap",
      description = "Report on stdout: tap, junit, json, html (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Write conformance.tap, junit.xml, conformance.json, index.html into DIR.")
  Path output;

  @Option(
      names = "--expect-fail",
      paramLabel = "FILE",
      description = "Expected-failures file (repeatable); replaces the checkout's default.")
  List<Path> expectFail = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Longest one test may take (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = "--rootless",
      paramLabel = "USER",
      description =
          "Run every runtime call as this unprivileged user (e.g. ocikit-rootless, made by"
              + " scripts/install-test-deps.sh) in a user namespace mapping container root to it,"
              + " without cgroups or device nodes; runc gets --rootless true. The harness stays"
              + " root to observe and clean up. Tests that cannot make sense so skip as 'not"
              + " applicable rootless' and do not count as skipped for --allow-mostly-skipped.")
  String rootless;

  @Mixin TrustOptions trust = new TrustOptions();

  @Mixin Verbosity verbosity = new Verbosity();

  /** Effective uid; replaceable so tests can check the not-root path. */
  LongSupplier euid = RootCheck::effectiveUid;

  /** PATH used to resolve bare runtime names; replaceable in tests. */
  String pathVariable = System.getenv("PATH");

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Function<ConformanceReport, String> render = FORMATS.get(format);
    if (render == null) {
      return usage("--format: unknown format '" + format + "'; use tap, junit, json or html");
    }
    if (jobs < 1 || timeoutSeconds < 1) {
      return usage("--jobs and --timeout must be at least 1");
    }
    if (only != null) {
      try {
        Pattern.compile(only);
      } catch (PatternSyntaxException e) {
        return usage("--only: invalid pattern: " + e.getDescription());
      }
    }
    if (ociVersion != null) {
      try {
        VersionCheck.requireSupported(ociVersion, "--oci-version");
      } catch (IllegalArgumentException e) {
        return usage(e.getMessage());
      }
    }
    if (runtimeError != null) {
      return usage(runtimeError);
    }
    if (!leadingArgs.isEmpty() && runtimes.size() != 1) {
      return usage(
          "--runtime-arg before the first --runtime is ambiguous with "
              + runtimes.size()
              + " runtimes; put it after the runtime it belongs to");
    }
    List<Path> paths = new ArrayList<>();
    List<RuntimeCommand> commands = new ArrayList<>();
    for (RuntimeOption r : runtimes) {
      Path p = RuntimePaths.resolve(r.program(), pathVariable).orElse(null);
      if (p == null) {
        return usage("--runtime: '" + r.program() + "' is not an executable file or on PATH");
      }
      List<String> args = new ArrayList<>(leadingArgs);
      args.addAll(r.args());
      String name = r.name() != null ? r.name() : p.getFileName().toString();
      paths.add(p);
      commands.add(new RuntimeCommand(name, p, args));
    }
    if (euid.getAsLong() != 0) {
      return usage("must run as root: the suite creates containers, cgroups and namespaces");
    }
    ConformanceOptions options;
    try {
      options =
          trust
              .apply(ConformanceOptions.of(commands))
              .withOciVersion(ociVersion)
              .withOnly(only)
              .withJobs(jobs)
              .withTestTimeout(Duration.ofSeconds(timeoutSeconds))
              .withRootlessUser(rootless);
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage().replaceFirst("^rootlessUser:", "--rootless:"));
    }
    List<String> lines = new ArrayList<>();
    List<Path> files = new ArrayList<>(expectFail);
    if (files.isEmpty()) {
      for (Path p : paths) {
        defaultExpectedFailures(p, err).ifPresent(files::add);
      }
    }
    for (Path f : files) {
      try {
        lines.addAll(ExpectedFailures.lines(f));
      } catch (IOException e) {
        return usage("--expect-fail: cannot read " + IoErrors.describe(e));
      }
      verbosity.info(err, "expected failures from " + f);
    }
    try {
      options =
          options.withExpectedFailures(
              ExpectedFailures.parse(lines, String.join(", ", files.toString())));
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    verbosity.info(err, testCount() + " tests against " + paths);
    ConformanceReport report = ConformanceRunner.run(options, r -> progress(err, r));
    Summary.print(report, err, Errors.commandName(spec), verbosity.quiet());
    if (output != null) {
      ReportWriter.writeAll(report, output);
      verbosity.info(err, "reports written to " + output);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(render.apply(report));
      out.flush();
    }
    err.flush();
    return report.passed() ? 0 : 1;
  }

  /**
   * The checkout's file for the runtime's version; a runtime that cannot say is named on stderr.
   */
  private Optional<Path> defaultExpectedFailures(Path runtime, PrintWriter err) {
    try {
      String line =
          ConformanceRunner.versionLine(runtime, trust.callTimeout(), trust.callOutputLimit);
      return DefaultExpectedFailures.find(runtime, line, rootless != null);
    } catch (IOException e) {
      err.println(
          Errors.commandName(spec)
              + ": no default expected failures for "
              + runtime.getFileName()
              + ": "
              + e.getMessage());
      return Optional.empty();
    }
  }

  private long testCount() {
    Pattern p = only == null ? null : Pattern.compile(only);
    return ConformanceRunner.testIds().stream()
        .filter(id -> p == null || p.matcher(id).find())
        .count();
  }

  private void progress(PrintWriter err, TestResult r) {
    if (r.status() != TestStatus.FAIL && r.status() != TestStatus.XPASS) {
      verbosity.detail(err, r.status() + " " + r.runtime() + " " + r.testId());
    } else {
      err.printf(
          "  %s %s %s: %s%n",
          r.status(),
          r.runtime(),
          r.testId(),
          r.status() == TestStatus.FAIL
              ? "expected " + r.expected() + " but " + r.actual()
              : "passed but listed as expected failure");
      err.flush();
    }
  }

  /**
   * Hands each {@code --runtime} and {@code --runtime-arg} value to its setter as it comes, so a
   * runtime argument belongs to the runtime before it (picocli otherwise calls a single-value
   * setter once).
   */
  static final class InOrder implements CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(
        java.util.Stack<String> args,
        CommandLine.Model.ArgSpec argSpec,
        CommandLine.Model.CommandSpec commandSpec) {
      String option = ((CommandLine.Model.OptionSpec) argSpec).longestName();
      if (args.isEmpty()) {
        throw new CommandLine.ParameterException(
            commandSpec.commandLine(), "Missing required parameter for option '" + option + "'");
      }
      ConformanceCommand c = (ConformanceCommand) commandSpec.userObject();
      if ("--runtime".equals(option)) {
        c.runtime(args.pop());
      } else {
        c.runtimeArg(args.pop());
      }
    }
  }

  private int usage(String message) {
    return Errors.usage(spec, message);
  }
}
