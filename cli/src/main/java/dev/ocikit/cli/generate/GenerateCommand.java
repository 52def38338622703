package dev.ocikit.cli.generate;

import dev.ocikit.cli.support.Errors;
import dev.ocikit.cli.support.Verbosity;
import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.ConfigMigration;
import dev.ocikit.generate.SeccompSettings;
import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.model.ModelObject;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.validate.schema.VersionCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oci-tool generate}: writes a config.json from a default or template plus edits. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generate a runtime-spec 1.3.0 config.json.",
      "%nGenerate a runtime-spec 1.3.0 config.json: start from the platform default (like 'runc spec') or a template, apply the options area by area, write to standard output or --output. Option names follow runtime-tools' 'oci-runtime-tool generate'."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:config written", "2:usage error, or the template could not be read"})
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin Verbosity verbosity = new Verbosity();

  @Option(names = "--template", paramLabel = "FILE", description = "Start from this config.")
  Path template;

  @Option(
      names = "--migrate",
      paramLabel = "FILE",
      description = "Start from an older 1.x config, bump ociVersion, report deprecations.")
  Path migrate;

  @Option(
      names = "--os",
      paramLabel = "OS",
      defaultValue = "linux",
      description = "Platform default: linux, windows, solaris, freebsd, vm, zos.")
  String os;

  @Option(
      names = "--arch",
      paramLabel = "ARCH",
      description = "Add ARCH's seccomp architectures (amd64, arm64…) when seccomp is set.")
  String arch;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here atomically.")
  Path output;

  @Option(
      names = "--oci-version",
      paramLabel = "VERSION",
      description =
          "ociVersion the config declares (1.0.0 up to 1.3.0; default 1.3.0), for runtimes that"
              + " refuse newer configs.")
  String ociVersion;

  @Option(names = "--host-specific", description = "Adapt to this machine's kernel.")
  boolean hostSpecific;

  @Option(names = "--privileged", description = "All capabilities, no seccomp or masking.")
  boolean privileged;

  @Option(names = "--rootless", description = "User namespace for the current user.")
  boolean rootless;

  @ArgGroup(validate = false, heading = "%nProcess:%n")
  ProcessOptions process = new ProcessOptions();

  @ArgGroup(validate = false, heading = "%nCapabilities:%n")
  CapabilityOptions capabilities = new CapabilityOptions();

  @ArgGroup(validate = false, heading = "%nSecurity and scheduling:%n")
  SecurityOptions security = new SecurityOptions();

  @ArgGroup(validate = false, heading = "%nRoot, mounts, names, annotations:%n")
  MountOptions mounts = new MountOptions();

  @ArgGroup(validate = false, heading = "%nHooks:%n")
  HookOptions hooks = new HookOptions();

  @ArgGroup(validate = false, heading = "%nHook environment and timeouts:%n")
  HookDetailOptions hookDetails = new HookDetailOptions();

  @ArgGroup(validate = false, heading = "%nLinux namespaces, devices, paths:%n")
  LinuxOptions linux = new LinuxOptions();

  @ArgGroup(
      validate = false,
      heading = "%nLinux network devices, personality, memory policy, RDT:%n")
  LinuxFeatureOptions linuxFeatures = new LinuxFeatureOptions();

  @ArgGroup(validate = false, heading = "%nLinux resources (cgroups):%n")
  ResourceOptions resources = new ResourceOptions();

  @ArgGroup(validate = false, heading = "%nLinux block I/O:%n")
  BlockIoOptions blockIo = new BlockIoOptions();

  @ArgGroup(validate = false, heading = "%nLinux device rules, hugepages, network, RDMA:%n")
  DeviceCgroupOptions deviceCgroups = new DeviceCgroupOptions();

  @ArgGroup(validate = false, heading = "%nLinux seccomp:%n")
  SeccompOptions seccomp = new SeccompOptions();

  @ArgGroup(validate = false, heading = "%nWindows:%n")
  WindowsOptions windows = new WindowsOptions();

  @ArgGroup(validate = false, heading = "%nSolaris:%n")
  SolarisOptions solaris = new SolarisOptions();

  @ArgGroup(validate = false, heading = "%nVirtual machine:%n")
  VmOptions vm = new VmOptions();

  @ArgGroup(validate = false, heading = "%nFreeBSD:%n")
  FreeBsdOptions freebsd = new FreeBsdOptions();

  @ArgGroup(validate = false, heading = "%nz/OS:%n")
  ZosOptions zos = new ZosOptions();

  @Override
  public Integer call() throws IOException {
    checkUsage();
    ConfigGenerator g = start();
    if (hostSpecific) {
      g.hostSpecific();
    }
    if (privileged) {
      g.privileged();
    }
    if (rootless) {
      g.rootless();
    }
    process.applyTo(g);
    capabilities.applyTo(g);
    security.applyTo(g);
    mounts.applyTo(g);
    hooks.applyTo(g);
    hookDetails.applyTo(g);
    linux.applyTo(g);
    linuxFeatures.applyTo(g);
    resources.applyTo(g);
    blockIo.applyTo(g);
    deviceCgroups.applyTo(g);
    seccomp.applyTo(g);
    windows.applyTo(g);
    solaris.applyTo(g);
    vm.applyTo(g);
    freebsd.applyTo(g);
    zos.applyTo(g);
    if (arch != null && g.build().linux() != null && g.build().linux().seccomp() != null) {
      g.seccomp().architectures(SeccompSettings.nativeArchitectures(arch));
    }
    if (hostSpecific) {
      g.hostSpecific(); // again, so that edits made after the first pass fit the host too
    }
    if (ociVersion != null) {
      g.ociVersion(ociVersion);
    }
    write(g.build());
    PrintWriter err = spec.commandLine().getErr();
    // Notes are warnings about the config written: printed even with --quiet.
    linux.notes().forEach(n -> err.println(Errors.commandName(spec) + ": " + n));
    err.flush();
    return 0;
  }

  private ConfigGenerator start() throws IOException {
    if (migrate != null) {
      ConfigMigration.Result r =
          ConfigMigration.toCurrent(OciJson.read(migrate, RuntimeConfig::fromJson));
      PrintWriter err = spec.commandLine().getErr();
      verbosity.info(err, "migrated " + migrate + " from " + r.fromVersion() + " to 1.3.0");
      r.notes().forEach(n -> err.println(Errors.commandName(spec) + ": " + n));
      err.flush();
      return ConfigGenerator.from(r.config());
    }
    return template != null ? ConfigGenerator.from(template) : ConfigGenerator.forPlatform(os);
  }

  private void write(RuntimeConfig config) throws IOException {
    ModelObject doc = config;
    if (seccomp.only) {
      // --linux-seccomp-only: the seccomp object alone, as a profile file.
      doc = config.linux() == null ? null : config.linux().seccomp();
      if (doc == null) {
        usage("--linux-seccomp-only: the config has no linux.seccomp; add seccomp options");
      }
    }
    if (output != null) {
      OciJson.write(output, doc);
      verbosity.detail(spec.commandLine().getErr(), "wrote " + output);
      return;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(new String(OciJson.toBytes(doc), StandardCharsets.UTF_8).stripTrailing());
    out.flush();
  }

  private void checkUsage() {
    if (ociVersion != null) {
      try {
        VersionCheck.requireSupported(ociVersion, "--oci-version");
      } catch (IllegalArgumentException e) {
        usage(e.getMessage());
      }
    }
    if (template != null && migrate != null) {
      usage("--template and --migrate both name a starting config; give one");
    }
    if (!Arrays.asList("linux", "windows", "solaris", "freebsd", "vm", "zos").contains(os)) {
      usage("--os: expected linux, windows, solaris, freebsd, vm or zos but got '" + os + "'");
    }
    if (arch != null && SeccompSettings.nativeArchitectures(arch).isEmpty()) {
      usage(
          "--arch: expected amd64, 386, arm64, arm, ppc64le, s390x, riscv64 or loong64"
              + " but got '"
              + arch
              + "'");
    }
    Stream.of(process.problem(), security.problem(), mounts.problem(), linux.problem())
        .filter(p -> p != null)
        .findFirst()
        .ifPresent(this::usage);
    Stream.of(
            resources.problem(),
            seccomp.problem(),
            linuxFeatures.problem(),
            blockIo.problem(),
            deviceCgroups.problem(),
            windows.problem(),
            solaris.problem(),
            vm.problem(),
            freebsd.problem())
        .filter(p -> p != null)
        .findFirst()
        .ifPresent(this::usage);
  }

  private void usage(String message) {
    throw new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
