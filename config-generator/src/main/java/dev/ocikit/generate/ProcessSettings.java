package dev.ocikit.generate;

import dev.ocikit.spec.LinuxCapabilities;
import dev.ocikit.spec.runtime.Capabilities;
import dev.ocikit.spec.runtime.ConsoleSize;
import dev.ocikit.spec.runtime.ExecCPUAffinity;
import dev.ocikit.spec.runtime.IOPriority;
import dev.ocikit.spec.runtime.IOPriorityClass;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.spec.runtime.Rlimit;
import dev.ocikit.spec.runtime.Scheduler;
import dev.ocikit.spec.runtime.SchedulerPolicy;
import dev.ocikit.spec.runtime.User;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits of {@code process}: command, environment, user, capabilities, rlimits and the security and
 * scheduling attributes.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#process">config.md#process</a>
 */
public final class ProcessSettings {
  private final ConfigGenerator g;

  ProcessSettings(ConfigGenerator g) {
    this.g = g;
  }

  private ProcessSettings edit(UnaryOperator<Process> e) {
    g.updateProcess(e);
    return this;
  }

  private ProcessSettings editUser(UnaryOperator<User> e) {
    return edit(p -> p.withUser(e.apply(p.user() == null ? User.builder().build() : p.user())));
  }

  /**
   * Sets {@code args}: the program and its arguments.
   *
   * @param args the program (a path or a name looked up in the container's PATH), then its
   *     arguments
   * @return these settings, for chaining
   */
  public ProcessSettings args(String... args) {
    return edit(p -> p.withArgs(List.of(args)));
  }

  /**
   * Sets {@code cwd}, an absolute path inside the container.
   *
   * @param cwd the working directory, an absolute path inside the container
   * @return these settings, for chaining
   */
  public ProcessSettings cwd(String cwd) {
    return edit(p -> p.withCwd(cwd));
  }

  /**
   * Sets {@code KEY=VALUE} in {@code env}, replacing an earlier value of {@code key}.
   *
   * @param key the variable's name, non-empty and without {@code =}
   * @param value its value
   * @return these settings, for chaining
   * @throws IllegalArgumentException if {@code key} is empty or contains {@code =}
   */
  public ProcessSettings env(String key, String value) {
    if (key.isEmpty() || key.contains("=")) {
      throw new IllegalArgumentException("environment name must be non-empty, without '='");
    }
    String entry = key + "=" + value;
    return edit(p -> p.withEnv(ListEdits.replace(p.env(), e -> e.startsWith(key + "="), entry)));
  }

  /**
   * Removes {@code key} from {@code env}.
   *
   * @param key the variable's name
   * @return these settings, for chaining
   */
  public ProcessSettings removeEnv(String key) {
    return edit(p -> p.withEnv(ListEdits.remove(p.env(), e -> e.startsWith(key + "="))));
  }

  /**
   * Sets {@code terminal}.
   *
   * @param terminal whether the process gets a pseudo-terminal
   * @return these settings, for chaining
   */
  public ProcessSettings terminal(boolean terminal) {
    return edit(p -> p.withTerminal(terminal));
  }

  /**
   * Sets {@code consoleSize} (meaningful only with a terminal).
   *
   * @param width the console's width in characters
   * @param height the console's height in characters
   * @return these settings, for chaining
   */
  public ProcessSettings consoleSize(long width, long height) {
    return edit(p -> p.withConsoleSize(ConsoleSize.builder().width(width).height(height).build()));
  }

  /**
   * Sets {@code user.uid} and {@code user.gid}.
   *
   * @param uid the user id in the container
   * @param gid the group id in the container
   * @return these settings, for chaining
   */
  public ProcessSettings user(long uid, long gid) {
    return editUser(u -> u.withUid(uid).withGid(gid));
  }

  /**
   * Sets {@code user.uid}.
   *
   * @param uid the user id in the container
   * @return these settings, for chaining
   */
  public ProcessSettings uid(long uid) {
    return editUser(u -> u.withUid(uid));
  }

  /**
   * Sets {@code user.gid}.
   *
   * @param gid the group id in the container
   * @return these settings, for chaining
   */
  public ProcessSettings gid(long gid) {
    return editUser(u -> u.withGid(gid));
  }

  /**
   * Sets {@code user.umask}.
   *
   * @param umask the process's umask, e.g. {@code 022} (18)
   * @return these settings, for chaining
   */
  public ProcessSettings umask(long umask) {
    return editUser(u -> u.withUmask(umask));
  }

  /**
   * Sets {@code user.username} (Windows).
   *
   * @param username the Windows user the process runs as
   * @return these settings, for chaining
   */
  public ProcessSettings username(String username) {
    return editUser(u -> u.withUsername(username));
  }

  /**
   * Adds supplementary groups to {@code user.additionalGids}, each once.
   *
   * @param gids group ids in the container
   * @return these settings, for chaining
   */
  public ProcessSettings additionalGids(long... gids) {
    return editUser(
        u -> {
          List<Long> out = u.additionalGids();
          for (long gid : gids) {
            out = ListEdits.appendOnce(out, gid);
          }
          return u.withAdditionalGids(out);
        });
  }

  /**
   * Sets {@code noNewPrivileges}.
   *
   * @param value whether the process may not gain privileges (setuid bits, file capabilities)
   * @return these settings, for chaining
   */
  public ProcessSettings noNewPrivileges(boolean value) {
    return edit(p -> p.withNoNewPrivileges(value));
  }

  /**
   * Adds a capability ({@code CAP_NET_ADMIN}, {@code NET_ADMIN} or {@code net_admin}) to one set.
   *
   * @param set the capability set to change
   * @param name the capability, with or without {@code CAP_}, in any case
   * @return these settings, for chaining
   * @throws IllegalArgumentException if no such capability exists
   */
  public ProcessSettings addCapability(CapabilitySet set, String name) {
    String cap = capability(name);
    return editCaps(c -> set.set(c, ListEdits.appendOnce(set.get(c), cap)));
  }

  /**
   * Removes a capability from one set.
   *
   * @param set the capability set to change
   * @param name the capability, with or without {@code CAP_}, in any case
   * @return these settings, for chaining
   */
  public ProcessSettings dropCapability(CapabilitySet set, String name) {
    String cap = capability(name);
    return editCaps(c -> set.set(c, ListEdits.remove(set.get(c), cap::equals)));
  }

  /**
   * Adds a capability to the bounding, effective and permitted sets (what most users mean).
   *
   * @param name the capability, with or without {@code CAP_}, in any case
   * @return these settings, for chaining
   */
  public ProcessSettings addCapability(String name) {
    for (CapabilitySet s :
        List.of(CapabilitySet.BOUNDING, CapabilitySet.EFFECTIVE, CapabilitySet.PERMITTED)) {
      addCapability(s, name);
    }
    return this;
  }

  /**
   * Removes a capability from all five sets.
   *
   * @param name the capability, with or without {@code CAP_}, in any case
   * @return these settings, for chaining
   */
  public ProcessSettings dropCapability(String name) {
    for (CapabilitySet s : CapabilitySet.values()) {
      dropCapability(s, name);
    }
    return this;
  }

  /**
   * Empties one capability set.
   *
   * @param set the capability set to empty
   * @return these settings, for chaining
   */
  public ProcessSettings clearCapabilities(CapabilitySet set) {
    return editCaps(c -> set.set(c, List.of()));
  }

  /**
   * Empties all five capability sets.
   *
   * @return these settings, for chaining
   */
  public ProcessSettings dropAllCapabilities() {
    List<String> none = List.of();
    return editCaps(
        c ->
            c.withBounding(none)
                .withEffective(none)
                .withInheritable(none)
                .withPermitted(none)
                .withAmbient(none));
  }

  private ProcessSettings editCaps(UnaryOperator<Capabilities> e) {
    return edit(
        p ->
            p.withCapabilities(
                e.apply(
                    p.capabilities() == null ? Capabilities.builder().build() : p.capabilities())));
  }

  private static String capability(String name) {
    return LinuxCapabilities.canonical(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown capability '" + name + "'"));
  }

  /**
   * Sets the rlimit {@code type} (e.g. {@code RLIMIT_NOFILE}), replacing an earlier one of the same
   * type (the spec forbids duplicates).
   *
   * @param type the resource, e.g. {@code RLIMIT_NOFILE}
   * @param hard the ceiling, up to 2^64-1
   * @param soft the limit in force, at most {@code hard}
   * @return these settings, for chaining
   */
  public ProcessSettings rlimit(String type, BigInteger hard, BigInteger soft) {
    Rlimit r = Rlimit.builder().type(type).hard(hard).soft(soft).build();
    return edit(p -> p.withRlimits(ListEdits.replace(p.rlimits(), x -> type.equals(x.type()), r)));
  }

  /**
   * {@link #rlimit(String, BigInteger, BigInteger)} with {@code long} values.
   *
   * @param type the resource, e.g. {@code RLIMIT_NOFILE}
   * @param hard the ceiling
   * @param soft the limit in force, at most {@code hard}
   * @return these settings, for chaining
   */
  public ProcessSettings rlimit(String type, long hard, long soft) {
    return rlimit(type, BigInteger.valueOf(hard), BigInteger.valueOf(soft));
  }

  /**
   * Removes the rlimit {@code type}.
   *
   * @param type the resource, e.g. {@code RLIMIT_NOFILE}
   * @return these settings, for chaining
   */
  public ProcessSettings removeRlimit(String type) {
    return edit(p -> p.withRlimits(ListEdits.remove(p.rlimits(), x -> type.equals(x.type()))));
  }

  /**
   * Removes all rlimits.
   *
   * @return these settings, for chaining
   */
  public ProcessSettings clearRlimits() {
    return edit(p -> p.withRlimits(new ArrayList<>()));
  }

  /**
   * Sets {@code apparmorProfile}.
   *
   * @param profile the AppArmor profile's name
   * @return these settings, for chaining
   */
  public ProcessSettings apparmorProfile(String profile) {
    return edit(p -> p.withApparmorProfile(profile));
  }

  /**
   * Sets {@code selinuxLabel}.
   *
   * @param label the SELinux label of the process
   * @return these settings, for chaining
   */
  public ProcessSettings selinuxLabel(String label) {
    return edit(p -> p.withSelinuxLabel(label));
  }

  /**
   * Sets {@code oomScoreAdj} (-1000 to 1000).
   *
   * @param adj the OOM score adjustment, -1000 to 1000
   * @return these settings, for chaining
   */
  public ProcessSettings oomScoreAdj(int adj) {
    return edit(p -> p.withOomScoreAdj(adj));
  }

  /**
   * Sets {@code scheduler} with a policy and, when not null, nice and priority (since 1.2.0).
   *
   * @param policy the scheduling policy
   * @param nice the nice value, or null to leave it out
   * @param priority the static priority, or null to leave it out
   * @return these settings, for chaining
   */
  public ProcessSettings scheduler(SchedulerPolicy policy, Integer nice, Integer priority) {
    Scheduler s = Scheduler.builder().policy(policy).nice(nice).priority(priority).build();
    return edit(p -> p.withScheduler(s));
  }

  /**
   * Sets {@code execCPUAffinity} (since 1.2.1): the CPUs a process run with {@code exec} starts on
   * ({@code initial}) and is moved to after joining the cgroup ({@code finalCpus}); cpuset lists
   * such as {@code 0-3,7}, either may be null.
   *
   * @param initial the CPU list the process starts on, or null
   * @param finalCpus the CPU list it is moved to, or null
   * @return these settings, for chaining
   */
  public ProcessSettings execCpuAffinity(String initial, String finalCpus) {
    ExecCPUAffinity a = ExecCPUAffinity.builder().initial(initial).finalValue(finalCpus).build();
    return edit(p -> p.withExecCPUAffinity(a));
  }

  /**
   * Sets {@code ioPriority} (since 1.2.0).
   *
   * @param ioClass the I/O scheduling class
   * @param priority the priority within that class, 0 (highest) to 7
   * @return these settings, for chaining
   */
  public ProcessSettings ioPriority(IOPriorityClass ioClass, int priority) {
    IOPriority io = IOPriority.builder().ioClass(ioClass).priority(priority).build();
    return edit(p -> p.withIoPriority(io));
  }
}
