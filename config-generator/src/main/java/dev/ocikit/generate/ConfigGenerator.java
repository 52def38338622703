package dev.ocikit.generate;

import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.runtime.Linux;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.spec.runtime.Root;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Builds a runtime-spec <a
 * href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md">config.json</a>:
 * start from a platform default or a template, apply typed edits, then {@link #build()} or {@link
 * #write(Path)}.
 *
 * <pre>{@code
 * ConfigGenerator g = ConfigGenerator.linux();
 * g.process().args("/bin/busybox", "echo", "hello").env("LANG", "C.UTF-8");
 * g.linuxSettings().cgroupsPath("/demo");
 * g.resources().memoryLimit(64L << 20);
 * g.write(bundle.resolve("config.json"));
 * }</pre>
 *
 * <p>Edits are grouped by area: {@link #process()}, {@link #linuxSettings()}, {@link #resources()},
 * {@link #seccomp()}, {@link #mounts()}, {@link #hooks()} and one per other platform ({@link
 * #windowsSettings()}…); whole-document edits (hostname, root, annotations, profiles) are on this
 * class. Every edit copies the model, so properties this toolkit does not model (unknown fields of
 * a template) survive untouched. A generator is not thread-safe.
 */
public final class ConfigGenerator {
  private RuntimeConfig config;
  private HostInfo host;
  private final ProcessSettings process = new ProcessSettings(this);
  private final LinuxSettings linux = new LinuxSettings(this);
  private final ResourceSettings resources = new ResourceSettings(this);
  private final SeccompSettings seccomp = new SeccompSettings(this);
  private final HookSettings hooks = new HookSettings(this);
  private final MountSettings mounts = new MountSettings(this);
  private final WindowsSettings windows = new WindowsSettings(this);
  private final SolarisSettings solaris = new SolarisSettings(this);
  private final VmSettings vm = new VmSettings(this);
  private final FreeBsdSettings freebsd = new FreeBsdSettings(this);
  private final ZosSettings zos = new ZosSettings(this);

  private ConfigGenerator(RuntimeConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * The Linux default, like {@code runc spec}: six namespaces, usual mounts, three caps.
   *
   * @return a new generator holding the Linux default config
   */
  public static ConfigGenerator linux() {
    return new ConfigGenerator(PlatformDefaults.linux());
  }

  /**
   * A minimal Windows config: {@code cmd} in {@code C:\}, one placeholder layer folder.
   *
   * @return a new generator holding the minimal Windows config
   */
  public static ConfigGenerator windows() {
    return new ConfigGenerator(PlatformDefaults.windows());
  }

  /** {@return a minimal Solaris config} */
  public static ConfigGenerator solaris() {
    return new ConfigGenerator(PlatformDefaults.solaris());
  }

  /** {@return a minimal FreeBSD config} */
  public static ConfigGenerator freebsd() {
    return new ConfigGenerator(PlatformDefaults.freebsd());
  }

  /** {@return a minimal config for a VM-based runtime, with a placeholder kernel path} */
  public static ConfigGenerator vm() {
    return new ConfigGenerator(PlatformDefaults.vm());
  }

  /** {@return a minimal z/OS config with the pid, mount, ipc and uts namespaces} */
  public static ConfigGenerator zos() {
    return new ConfigGenerator(PlatformDefaults.zos());
  }

  /**
   * The default for {@code os} ({@code linux}, {@code windows}, {@code solaris}, {@code freebsd},
   * {@code vm}, {@code zos}).
   *
   * @param os the platform name, as a config's platform objects name it
   * @return a new generator holding that platform's default config
   * @throws IllegalArgumentException for another name
   */
  public static ConfigGenerator forPlatform(String os) {
    return switch (os) {
      case "linux" -> linux();
      case "windows" -> windows();
      case "solaris" -> solaris();
      case "freebsd" -> freebsd();
      case "vm" -> vm();
      case "zos" -> zos();
      default ->
          throw new IllegalArgumentException(
              "unknown platform '" + os + "'; use linux, windows, solaris, freebsd, vm or zos");
    };
  }

  /**
   * Starts from a config.json file (a template); nothing in it is dropped.
   *
   * @param template the config.json to start from
   * @return a new generator holding the template's config
   * @throws IOException if the file cannot be read or is not strict JSON
   */
  public static ConfigGenerator from(Path template) throws IOException {
    return new ConfigGenerator(OciJson.read(template, RuntimeConfig::fromJson));
  }

  /**
   * Starts from a config value.
   *
   * @param template the config to start from
   * @return a new generator holding {@code template}
   */
  public static ConfigGenerator from(RuntimeConfig template) {
    return new ConfigGenerator(template);
  }

  /** {@return the edits of {@code process}} */
  public ProcessSettings process() {
    return process;
  }

  /**
   * Edits of {@code linux} other than resources and seccomp (named so because {@link #linux()} is
   * the Linux default).
   *
   * @return the Linux settings of this generator
   */
  public LinuxSettings linuxSettings() {
    return linux;
  }

  /** {@return the edits of {@code linux.resources} (cgroup limits)} */
  public ResourceSettings resources() {
    return resources;
  }

  /** {@return the edits of {@code linux.seccomp}} */
  public SeccompSettings seccomp() {
    return seccomp;
  }

  /** {@return the edits of {@code mounts}} */
  public MountSettings mounts() {
    return mounts;
  }

  /** {@return the edits of {@code hooks}} */
  public HookSettings hooks() {
    return hooks;
  }

  /** {@return the edits of {@code windows}} */
  public WindowsSettings windowsSettings() {
    return windows;
  }

  /** {@return the edits of {@code solaris}} */
  public SolarisSettings solarisSettings() {
    return solaris;
  }

  /** {@return the edits of {@code vm}} */
  public VmSettings vmSettings() {
    return vm;
  }

  /** {@return the edits of {@code freebsd}} */
  public FreeBsdSettings freebsdSettings() {
    return freebsd;
  }

  /** {@return the edits of {@code zos}} */
  public ZosSettings zosSettings() {
    return zos;
  }

  /**
   * Sets {@code ociVersion}.
   *
   * @param version the runtime-spec version the config declares, e.g. {@code 1.3.0}
   * @return this generator, for chaining
   */
  public ConfigGenerator ociVersion(String version) {
    return update(c -> c.withOciVersion(version));
  }

  /**
   * Sets {@code hostname}.
   *
   * @param hostname the container's hostname (needs its own UTS namespace on Linux)
   * @return this generator, for chaining
   */
  public ConfigGenerator hostname(String hostname) {
    return update(c -> c.withHostname(hostname));
  }

  /**
   * Sets {@code domainname} (since 1.1.0).
   *
   * @param domainname the container's NIS domain name
   * @return this generator, for chaining
   */
  public ConfigGenerator domainname(String domainname) {
    return update(c -> c.withDomainname(domainname));
  }

  /**
   * Sets {@code root.path}, keeping {@code readonly}.
   *
   * @param path the root filesystem, absolute or relative to the bundle
   * @return this generator, for chaining
   */
  public ConfigGenerator rootPath(String path) {
    return update(c -> c.withRoot(root().withPath(path)));
  }

  /**
   * Sets {@code root.readonly}.
   *
   * @param readonly whether the root filesystem is mounted read-only
   * @return this generator, for chaining
   */
  public ConfigGenerator rootReadonly(boolean readonly) {
    return update(c -> c.withRoot(root().withReadonly(readonly)));
  }

  /**
   * Adds or replaces the annotation {@code key}.
   *
   * @param key the annotation's name, reverse-domain style ({@code org.example.key})
   * @param value the annotation's value
   * @return this generator, for chaining
   */
  public ConfigGenerator annotation(String key, String value) {
    Map<String, String> a = new LinkedHashMap<>();
    if (config.annotations() != null) {
      a.putAll(config.annotations());
    }
    a.put(key, value);
    return update(c -> c.withAnnotations(a));
  }

  /**
   * Removes the annotation {@code key}; does nothing when there is none.
   *
   * @param key the annotation's name
   * @return this generator, for chaining
   */
  public ConfigGenerator removeAnnotation(String key) {
    if (config.annotations() == null || !config.annotations().containsKey(key)) {
      return this;
    }
    Map<String, String> a = new LinkedHashMap<>(config.annotations());
    a.remove(key);
    return update(c -> c.withAnnotations(a));
  }

  /**
   * Privileged: every capability in all five sets (up to the host's last capability after {@link
   * #hostSpecific()}), no seccomp, SELinux label or AppArmor profile, no masked or read-only paths,
   * and access to all devices.
   *
   * @return this generator, for chaining
   */
  public ConfigGenerator privileged() {
    Profiles.privileged(this);
    return this;
  }

  /**
   * Rootless, like {@code runc spec --rootless}: a user namespace mapping the current effective uid
   * and gid to root, no network namespace, {@code /sys} bind-mounted, no uid=/gid= mount options
   * and no cgroup resources (an unprivileged user cannot set them).
   *
   * @return this generator, for chaining
   * @throws IOException if this process's uid and gid cannot be read
   */
  public ConfigGenerator rootless() throws IOException {
    HostInfo h = HostInfo.detect();
    return rootless(h.euid(), h.egid());
  }

  /**
   * {@link #rootless()} for the given host uid and gid.
   *
   * @param hostUid the host uid mapped to root in the container
   * @param hostGid the host gid mapped to root in the container
   * @return this generator, for chaining
   */
  public ConfigGenerator rootless(long hostUid, long hostGid) {
    Profiles.rootless(this, hostUid, hostGid);
    return this;
  }

  /**
   * Adapts the config to this machine; see {@link #hostSpecific(HostInfo)}.
   *
   * @return this generator, for chaining
   * @throws IOException if this machine's values cannot be read (see {@link HostInfo#detect()})
   */
  public ConfigGenerator hostSpecific() throws IOException {
    return hostSpecific(HostInfo.detect());
  }

  /**
   * Adapts the config to {@code host}: capabilities the kernel lacks are dropped (and {@link
   * #privileged()} stops at its last one), the cgroup namespace is dropped if the kernel has none,
   * and seccomp without architectures gets the host's.
   *
   * @param host the machine the config is for
   * @return this generator, for chaining
   */
  public ConfigGenerator hostSpecific(HostInfo host) {
    this.host = Objects.requireNonNull(host, "host");
    Profiles.adaptTo(this, host);
    return this;
  }

  /** {@return the config as edited so far} */
  public RuntimeConfig build() {
    return config;
  }

  /**
   * Writes the config to {@code file} atomically (aside, then renamed over it).
   *
   * @param file where to write the config.json
   * @throws IOException if the file cannot be written
   */
  public void write(Path file) throws IOException {
    OciJson.write(file, config);
  }

  // ---- shared by the area settings ----

  HostInfo host() {
    return host;
  }

  ConfigGenerator update(UnaryOperator<RuntimeConfig> edit) {
    config = edit.apply(config);
    return this;
  }

  Process currentProcess() {
    return config.process() == null ? Process.builder().build() : config.process();
  }

  void updateProcess(UnaryOperator<Process> edit) {
    update(c -> c.withProcess(edit.apply(currentProcess())));
  }

  Linux currentLinux() {
    return config.linux() == null ? Linux.builder().build() : config.linux();
  }

  void updateLinux(UnaryOperator<Linux> edit) {
    update(c -> c.withLinux(edit.apply(currentLinux())));
  }

  private Root root() {
    return config.root() == null ? Root.builder().build() : config.root();
  }
}
