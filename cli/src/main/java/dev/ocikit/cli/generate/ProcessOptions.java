package dev.ocikit.cli.generate;

import dev.ocikit.cli.generate.Values.KeyValue;
import dev.ocikit.cli.generate.Values.RlimitValue;
import dev.ocikit.generate.ConfigGenerator;
import dev.ocikit.generate.ProcessSettings;
import dev.ocikit.spec.file.InputFile;
import dev.ocikit.spec.runtime.ExecCPUAffinity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options for {@code process}: command, environment, user, terminal, rlimits. */
final class ProcessOptions {
  /** The largest --env-file read: far more environment than a process can start with. */
  private static final long MAX_ENV_FILE_BYTES = 16L << 20;

  @Option(
      names = "--args",
      paramLabel = "ARG",
      description = "Command and arguments, one per option (replaces the default).")
  List<String> args = new ArrayList<>();

  @Option(
      names = "--env",
      paramLabel = "KEY=VALUE",
      converter = Values.KeyValueConverter.class,
      description = "Set an environment variable.")
  List<KeyValue> env = new ArrayList<>();

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      description = "Read KEY=VALUE lines from FILE (# comments and blank lines skipped).")
  List<Path> envFiles = new ArrayList<>();

  @Option(
      names = {"--cwd", "--process-cwd"},
      paramLabel = "DIR",
      description = "Working directory, absolute.")
  String cwd;

  @Option(
      names = {"--uid", "--process-uid"},
      paramLabel = "UID",
      description = "User id of the process.")
  Long uid;

  @Option(
      names = {"--gid", "--process-gid"},
      paramLabel = "GID",
      description = "Group id of the process.")
  Long gid;

  @Option(
      names = {"--additional-gids", "--process-groups"},
      paramLabel = "GID",
      split = ",",
      description = "Supplementary group ids (comma-separated or repeated).")
  List<Long> groups = new ArrayList<>();

  @Option(names = "--process-umask", paramLabel = "MASK", description = "umask, e.g. 0022.")
  String umask;

  @Option(names = "--process-username", paramLabel = "NAME", description = "User name (Windows).")
  String username;

  @Option(
      names = {"--process-terminal", "--process-tty"},
      arity = "0..1",
      paramLabel = "BOOL",
      description = "Attach a terminal (true when given without a value).")
  Boolean tty;

  @Option(
      names = "--process-exec-cpu-affinity-initial",
      paramLabel = "CPUS",
      description = "CPUs an exec'd process starts on, e.g. 0-3 (since 1.2.1).")
  String affinityInitial;

  @Option(
      names = "--process-exec-cpu-affinity-final",
      paramLabel = "CPUS",
      description = "CPUs an exec'd process runs on after joining the cgroup.")
  String affinityFinal;

  @Option(
      names = "--process-consolesize",
      paramLabel = "WIDTH:HEIGHT",
      description = "Console size in characters.")
  String consoleSize;

  @Option(
      names = {"--rlimits-add", "--process-rlimits-add"},
      paramLabel = "TYPE:HARD[:SOFT]",
      converter = Values.RlimitConverter.class,
      description = "Set a resource limit, e.g. RLIMIT_NOFILE:4096:1024.")
  List<RlimitValue> rlimits = new ArrayList<>();

  @Option(
      names = {"--rlimits-remove", "--process-rlimits-remove"},
      paramLabel = "TYPE",
      description = "Remove a resource limit.")
  List<String> rlimitsRemove = new ArrayList<>();

  @Option(
      names = {"--rlimits-remove-all", "--process-rlimits-remove-all"},
      description = "Remove all resource limits.")
  boolean rlimitsRemoveAll;

  void applyTo(ConfigGenerator g) throws IOException {
    ProcessSettings p = g.process();
    if (!args.isEmpty()) {
      p.args(args.toArray(String[]::new));
    }
    for (Path f : envFiles) {
      for (KeyValue kv : readEnvFile(f)) {
        p.env(kv.key(), kv.value());
      }
    }
    env.forEach(kv -> p.env(kv.key(), kv.value()));
    if (cwd != null) {
      p.cwd(cwd);
    }
    if (uid != null) {
      p.uid(uid);
    }
    if (gid != null) {
      p.gid(gid);
    }
    groups.forEach(p::additionalGids);
    if (umask != null) {
      p.umask(Long.parseLong(umask, 8));
    }
    if (username != null) {
      p.username(username);
    }
    if (tty != null) {
      p.terminal(tty);
    }
    if (consoleSize != null) {
      String[] wh = consoleSize.split(":");
      p.consoleSize(Long.parseLong(wh[0]), Long.parseLong(wh[1]));
    }
    if (affinityInitial != null || affinityFinal != null) {
      ExecCPUAffinity old = g.build().process().execCPUAffinity();
      p.execCpuAffinity(
          affinityInitial != null ? affinityInitial : old == null ? null : old.initial(),
          affinityFinal != null ? affinityFinal : old == null ? null : old.finalValue());
    }
    if (rlimitsRemoveAll) {
      p.clearRlimits();
    }
    rlimitsRemove.forEach(p::removeRlimit);
    rlimits.forEach(r -> p.rlimit(r.type(), r.hard(), r.soft()));
  }

  /** Checks values whose form picocli cannot express; returns an error message or null. */
  String problem() {
    if (cwd != null && !cwd.startsWith("/") && !cwd.matches("[A-Za-z]:\\\\.*")) {
      return "--cwd: expected an absolute path but got '" + cwd + "'";
    }
    if (umask != null && !umask.matches("[0-7]{1,4}")) {
      return "--process-umask: expected an octal mask such as 0022 but got '" + umask + "'";
    }
    for (String cpus : new String[] {affinityInitial, affinityFinal}) {
      if (cpus != null && !cpus.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
        return "--process-exec-cpu-affinity-*: expected a CPU list such as 0-3,7 but got '"
            + cpus
            + "'";
      }
    }
    if (consoleSize != null && !consoleSize.matches("\\d{1,9}:\\d{1,9}")) {
      return "--process-consolesize: expected WIDTH:HEIGHT but got '" + consoleSize + "'";
    }
    return null;
  }

  private static List<KeyValue> readEnvFile(Path file) throws IOException {
    List<KeyValue> out = new ArrayList<>();
    Values.KeyValueConverter parse = new Values.KeyValueConverter();
    for (String line : InputFile.readLines(file, MAX_ENV_FILE_BYTES)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        // A bare name takes its value from this environment, as docker --env-file does.
        out.add(
            t.contains("=")
                ? parse.convert(t)
                : new KeyValue(t, System.getenv(t) == null ? "" : System.getenv(t)));
      }
    }
    return out;
  }
}
