package dev.ocikit.cli;

import dev.ocikit.check.Level;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.check.ValidationReport;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.check.report.ReportFormat;
import dev.ocikit.check.report.ReportFormats;
import dev.ocikit.cli.image.LimitOptions;
import dev.ocikit.cli.support.Errors;
import dev.ocikit.cli.support.Verbosity;
import dev.ocikit.image.ImageReference;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.UntrustedText;
import dev.ocikit.validator.OciValidator;
import dev.ocikit.validator.ValidatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oci-validate PATH...}: validate bundles, configs and OCI documents. */
@Command(
    name = "oci-validate",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    sortOptions = false,
    description = {
      "Validate OCI bundles, images and documents against the specs.",
      "%nValidate OCI runtime bundles, config.json files, OCI image layouts and archives, and single runtime-spec or image-spec JSON documents (state, features, descriptor, manifest, index, image config, oci-layout). A directory with config.json is a bundle, one with oci-layout an image layout, a tar holding oci-layout an image archive; a file's type is detected from its content. Images: every blob's size and digest and every layer's DiffID are verified."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every path is valid",
      "1:findings at or above --level",
      "2:usage error, or a path could not be read"
    })
public final class OciValidate implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Bundles, image layouts or archives, or documents.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "Validate files as this document type: ${COMPLETION-CANDIDATES}.",
      completionCandidates = DocumentTypes.class)
  String type;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "Report format: text, json, sarif (SARIF 2.1.0), junit (JUnit XML), tap (TAP 13)"
              + " (default: ${DEFAULT-VALUE}).")
  String format = "text"; // defaults are initial values: the paths-only run in main() needs them

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      description =
          "Lowest level that fails the run: must, should, may (default: ${DEFAULT-VALUE});"
              + " findings below it are reported as warnings.")
  String level = "must";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically) instead of standard output.")
  Path output;

  @Option(
      names = "--platform",
      paramLabel = "OS",
      description = "Apply this platform's rules instead of detecting it from the config.")
  String platform;

  @Option(names = "--host-specific", description = "Also check against this machine.")
  boolean hostSpecific;

  @Option(
      names = "--require-all-blobs",
      description =
          "Images: a completeness check; a referenced blob that is absent is an error. Without"
              + " it, it is a warning: a layout may leave blobs to an external store.")
  boolean requireAllBlobs;

  @Option(
      names = "--allow-missing",
      description =
          "Kept for compatibility: absent blobs are warnings by default now (the opposite of"
              + " --require-all-blobs).")
  boolean allowMissing;

  @Option(
      names = {"-r", "--recursive"},
      description = "Validate every bundle and image layout found under the given directories.")
  boolean recursive;

  @Mixin LimitOptions limits = new LimitOptions();

  @Mixin Verbosity verbosity = new Verbosity();

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      description =
          "Colour text output: auto (a terminal only), always, never (default: ${DEFAULT-VALUE}).")
  String color = "auto";

  @Override
  public Integer call() throws IOException {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  private int run(Writer out, PrintWriter err) throws IOException {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Level failLevel = parseLevel(level);
    DocumentType forced = type == null ? null : DocumentType.byId(type).orElse(null);
    if (type != null && forced == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--type: unknown document type '"
              + type
              + "'; use one of "
              + String.join(", ", new DocumentTypes()));
    }
    boolean colour = color.equals("always") || (color.equals("auto") && Terminal.isInteractive());
    Optional<ReportFormat> fmt = ReportFormats.byName(format, colour && output == null);
    if (fmt.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--format: unknown format '" + format + "'; use one of " + ReportFormats.names());
    }
    if (allowMissing && requireAllBlobs) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--allow-missing and --require-all-blobs contradict each other");
    }
    ValidationOptions options = new ValidationOptions(failLevel, platform, hostSpecific);
    ValidatorOptions validatorOptions =
        new ValidatorOptions(options, forced, requireAllBlobs, limits.limits());
    List<ValidationResult> results = new ArrayList<>();
    // A path that cannot be read stays in the report (a machine reading it must not lose a path)
    // and is said once on standard error; either way the exit code is 2.
    Consumer<ValidationResult> unreadable =
        r -> {
          err.println("oci-validate: " + UntrustedText.printable(r.readError()));
          results.add(r);
        };
    for (Path p : expand(paths, unreadable)) {
      try {
        ValidationResult r =
            ImageReference.hasTransport(p.toString())
                ? OciValidator.validate(ImageReference.parse(p.toString()), validatorOptions)
                : OciValidator.validate(p, validatorOptions);
        verbosity.detail(err, p + ": validated as " + r.type());
        results.add(r);
      } catch (IOException
          | UncheckedIOException
          | UnsupportedOperationException
          | IllegalArgumentException e) {
        String line = Errors.describe(e);
        String where = UntrustedText.printable(p.toString());
        String reason = line.startsWith(where) ? line : where + ": " + line;
        unreadable.accept(ValidationResult.unreadable(p.toString(), reason));
      }
    }
    ValidationReport report =
        new ValidationReport(results, started, Duration.ofNanos(System.nanoTime() - t0));
    if (output != null) {
      Errors.writeAtomically(output, w -> fmt.get().write(report, w));
      verbosity.detail(err, "wrote " + output);
    } else {
      fmt.get().write(report, out);
      out.flush();
    }
    if (results.stream().anyMatch(r -> r.readError() != null)) {
      return Errors.USAGE_OR_UNREADABLE;
    }
    return report.valid() ? 0 : 1;
  }

  private Level parseLevel(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "must" -> Level.MUST;
      case "should" -> Level.SHOULD;
      case "may" -> Level.MAY;
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--level: expected must, should or may but got '" + text + "'");
    };
  }

  /**
   * With {@code --recursive}, each directory becomes the bundles and image layouts under it; a
   * directory with none goes to {@code nothingFound} as a result that is not valid.
   */
  private List<Path> expand(List<Path> given, Consumer<ValidationResult> nothingFound)
      throws IOException {
    if (!recursive) {
      return given;
    }
    List<Path> out = new ArrayList<>();
    for (Path p : given) {
      if (!Files.isDirectory(p)) {
        out.add(p);
        continue;
      }
      List<Path> found = OciValidator.findAll(p);
      if (found.isEmpty()) {
        nothingFound.accept(
            ValidationResult.unreadable(
                p.toString(),
                UntrustedText.printable(p.toString())
                    + ": no bundle (directory with config.json) or image layout found"));
      }
      out.addAll(found);
    }
    return out;
  }

  /** The arguments that can be paths, for warming up: options and bad paths left out. */
  private static List<Path> pathArguments(String[] args) {
    List<Path> out = new ArrayList<>();
    for (String a : args) {
      try {
        if (!a.startsWith("-")) {
          out.add(Path.of(a));
        }
      } catch (InvalidPathException notAPath) {
        // picocli reports it properly
      }
    }
    return out;
  }

  /**
   * True when every argument is a path: no option, no {@code @file} argument list, nothing picocli
   * would read differently from a plain path. Such a run has every option at its default.
   */
  static boolean pathsOnly(String[] args) {
    if (args.length == 0) {
      return false;
    }
    for (String a : args) {
      if (a.isEmpty() || a.startsWith("-") || a.startsWith("@")) {
        return false;
      }
      try {
        Path.of(a);
      } catch (InvalidPathException e) {
        return false; // picocli's conversion error is the one users should see
      }
    }
    return true;
  }

  /**
   * Runs {@code oci-validate PATH...} with every option at its default, without building the
   * picocli model of the command (about a third of a cold run's main thread). Errors are reported
   * as {@link Cli#run} reports them.
   */
  static int runPathsOnly(String[] args, PrintWriter out, PrintWriter err) {
    OciValidate command = new OciValidate();
    for (String a : args) {
      command.paths.add(Path.of(a));
    }
    return Cli.run("oci-validate", out, err, () -> command.run(out, err));
  }

  /**
   * Runs the command; the launcher script calls this.
   *
   * @param args the command line arguments
   */
  public static void main(String[] args) {
    Cli.prepare("oci-validate");
    // Compile the schemas the run most likely needs while picocli reads the arguments.
    OciValidator.warmUp(pathArguments(args));
    if (pathsOnly(args)) {
      System.exit(
          runPathsOnly(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }
    System.exit(Cli.execute("oci-validate", new OciValidate(), args));
  }
}
