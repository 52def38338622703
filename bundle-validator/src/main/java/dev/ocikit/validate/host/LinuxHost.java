package dev.ocikit.validate.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A Linux host read from /proc and /sys under a root directory ({@code /} for this machine, a
 * directory tree in tests). Nothing is cached: each question reads its files again.
 */
public final class LinuxHost implements Host {
  private final Path root;

  /** A host whose /proc and /sys are under {@code root}. */
  public LinuxHost(Path root) {
    this.root = root;
  }

  /** This machine. */
  public static Host system() {
    return new LinuxHost(Path.of("/"));
  }

  @Override
  public OptionalInt lastCapability() {
    return lines("proc/sys/kernel/cap_last_cap")
        .filter(l -> !l.isEmpty() && l.get(0).trim().matches("\\d{1,4}"))
        .map(l -> OptionalInt.of(Integer.parseInt(l.get(0).trim())))
        .orElse(OptionalInt.empty());
  }

  @Override
  public Optional<Set<String>> filesystems() {
    // "nodev\tsysfs" or "\text4": the type is the last field
    return lines("proc/filesystems").map(l -> words(l, -1));
  }

  @Override
  public Optional<Cgroups> cgroups() {
    Optional<List<String>> v2 = lines("sys/fs/cgroup/cgroup.controllers");
    if (v2.isPresent()) {
      Set<String> c = words(v2.get(), Integer.MAX_VALUE);
      return Optional.of(new Cgroups(2, c, c));
    }
    Optional<List<String>> table = lines("proc/cgroups");
    if (table.isEmpty()) {
      return Optional.empty();
    }
    Set<String> mounted = v1MountedControllers();
    Set<String> v1 = new TreeSet<>();
    for (String line : table.get()) {
      String[] f = line.trim().split("\\s+");
      // subsys_name hierarchy num_cgroups enabled; hierarchy 0 means on no v1 hierarchy
      if (f.length == 4 && !f[0].startsWith("#") && f[3].equals("1") && !f[1].equals("0")) {
        if (mounted == null || mounted.contains(f[0])) {
          v1.add(f[0]);
        }
      }
    }
    Set<String> unified =
        lines("sys/fs/cgroup/unified/cgroup.controllers")
            .map(l -> words(l, Integer.MAX_VALUE))
            .orElse(Set.of());
    return Optional.of(new Cgroups(1, v1, unified));
  }

  /** Controllers named in the options of cgroup (v1) mounts, or null when mounts cannot be read. */
  private Set<String> v1MountedControllers() {
    Optional<List<String>> mounts = lines("proc/self/mounts");
    if (mounts.isEmpty()) {
      return null;
    }
    Set<String> out = new HashSet<>();
    for (String line : mounts.get()) {
      String[] f = line.split(" ");
      if (f.length >= 4 && f[2].equals("cgroup")) {
        out.addAll(List.of(f[3].split(",")));
      }
    }
    return out;
  }

  @Override
  public Optional<Set<String>> networkInterfaces() {
    return names("sys/class/net");
  }

  @Override
  public Optional<Set<String>> namespaceKinds() {
    return names("proc/self/ns");
  }

  @Override
  public Optional<Boolean> seccomp() {
    return lines("proc/self/status").map(l -> l.stream().anyMatch(s -> s.startsWith("Seccomp:")));
  }

  @Override
  public FileKind fileAt(String path) {
    if (!path.startsWith("/")) {
      return FileKind.UNKNOWN;
    }
    Path p = root.resolve(path.substring(1));
    try {
      if (Files.notExists(p)) {
        return FileKind.MISSING;
      }
      if (!Files.exists(p)) {
        return FileKind.UNKNOWN;
      }
      return Files.isRegularFile(p) && Files.isExecutable(p)
          ? FileKind.EXECUTABLE
          : FileKind.NOT_EXECUTABLE;
    } catch (SecurityException e) {
      return FileKind.UNKNOWN;
    }
  }

  private Optional<List<String>> lines(String file) {
    try {
      return Optional.of(Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty(); // absent or unreadable: cannot tell
    }
  }

  private Optional<Set<String>> names(String dir) {
    Path d = root.resolve(dir);
    if (!Files.isDirectory(d)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(d)) {
      Set<String> out = new TreeSet<>();
      s.forEach(p -> out.add(p.getFileName().toString()));
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The whitespace-separated words of {@code lines}: all of them, or only the last of each. */
  private static Set<String> words(List<String> lines, int which) {
    Set<String> out = new TreeSet<>();
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 0 || f[0].isEmpty()) {
        continue;
      }
      if (which == -1) {
        out.add(f[f.length - 1]);
      } else {
        out.addAll(List.of(f));
      }
    }
    return out;
  }
}
