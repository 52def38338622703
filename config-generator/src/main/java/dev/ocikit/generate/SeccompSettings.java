package dev.ocikit.generate;

import dev.ocikit.spec.runtime.Seccomp;
import dev.ocikit.spec.runtime.SeccompAction;
import dev.ocikit.spec.runtime.SeccompArch;
import dev.ocikit.spec.runtime.SeccompArg;
import dev.ocikit.spec.runtime.SeccompFlag;
import dev.ocikit.spec.runtime.SeccompOperator;
import dev.ocikit.spec.runtime.SeccompSyscall;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits of {@code linux.seccomp}: default action, per-syscall rules, architectures and flags. A
 * syscall has at most one rule: giving it a new action moves it.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config-linux.md#seccomp">config-linux.md#seccomp</a>
 */
public final class SeccompSettings {
  private final ConfigGenerator g;

  SeccompSettings(ConfigGenerator g) {
    this.g = g;
  }

  private SeccompSettings edit(UnaryOperator<Seccomp> e) {
    g.updateLinux(
        l -> {
          Seccomp s = l.seccomp();
          if (s == null) {
            s = Seccomp.builder().defaultAction(SeccompAction.SCMP_ACT_ALLOW).build();
          }
          return l.withSeccomp(e.apply(s));
        });
    return this;
  }

  /**
   * Sets {@code defaultAction} and removes the rules with that same action, which it makes
   * redundant; drops {@code defaultErrnoRet} unless the action returns an errno.
   *
   * @param action what a syscall no rule names gets
   * @return these settings, for chaining
   */
  public SeccompSettings defaultAction(SeccompAction action) {
    return edit(
        s ->
            keepErrno(s.withDefaultAction(action))
                .withSyscalls(ListEdits.remove(s.syscalls(), r -> action.equals(r.action()))));
  }

  /**
   * Sets {@code defaultAction} and keeps every rule.
   *
   * @param action what a syscall no rule names gets
   * @return these settings, for chaining
   */
  public SeccompSettings defaultActionKeepingRules(SeccompAction action) {
    return edit(s -> keepErrno(s.withDefaultAction(action)));
  }

  private static Seccomp keepErrno(Seccomp s) {
    return returnsErrno(s.defaultAction()) ? s : s.withDefaultErrnoRet(null);
  }

  /**
   * Whether {@code action} takes an errno ({@code SCMP_ACT_ERRNO}, {@code SCMP_ACT_TRACE}).
   *
   * @param action a seccomp action
   * @return true for the actions that carry an errno
   */
  public static boolean returnsErrno(SeccompAction action) {
    return SeccompAction.SCMP_ACT_ERRNO.equals(action)
        || SeccompAction.SCMP_ACT_TRACE.equals(action);
  }

  /**
   * Sets {@code defaultErrnoRet}, the errno of an {@code SCMP_ACT_ERRNO} or {@code SCMP_ACT_TRACE}
   * default.
   *
   * @param errno the errno returned by the default action
   * @return these settings, for chaining
   * @throws IllegalStateException if the default action takes no errno
   */
  public SeccompSettings defaultErrno(long errno) {
    Seccomp current = g.currentLinux().seccomp();
    if (current == null || !returnsErrno(current.defaultAction())) {
      throw new IllegalStateException(
          "defaultErrnoRet needs defaultAction SCMP_ACT_ERRNO or SCMP_ACT_TRACE");
    }
    return edit(s -> s.withDefaultErrnoRet(errno));
  }

  /**
   * Sets {@code listenerPath}, the UNIX socket that SCMP_ACT_NOTIFY rules report to.
   *
   * @param path the listener socket's absolute path on the host
   * @return these settings, for chaining
   */
  public SeccompSettings listenerPath(String path) {
    return edit(s -> s.withListenerPath(path));
  }

  /**
   * Sets {@code listenerMetadata}, opaque data passed to the listener.
   *
   * @param metadata the data sent to the listener with the seccomp fd
   * @return these settings, for chaining
   * @throws IllegalStateException if {@code listenerPath} is not set (the spec ties them)
   */
  public SeccompSettings listenerMetadata(String metadata) {
    Seccomp current = g.currentLinux().seccomp();
    if (metadata != null && (current == null || current.listenerPath() == null)) {
      throw new IllegalStateException("listenerMetadata needs listenerPath; set the path first");
    }
    return edit(s -> s.withListenerMetadata(metadata));
  }

  /**
   * A condition on syscall argument {@code index} ({@code valueTwo} may be null; it is the compared
   * value of {@code SCMP_CMP_MASKED_EQ}, whose {@code value} is the mask).
   *
   * @param index the argument's index, 0 to 5
   * @param op the comparison
   * @param value the value compared with (the mask for {@code SCMP_CMP_MASKED_EQ})
   * @param valueTwo the second value, or null
   * @return the condition, to pass to {@link #rule(SeccompAction, Long, List, String...)}
   */
  public static SeccompArg arg(long index, SeccompOperator op, long value, Long valueTwo) {
    return SeccompArg.builder()
        .index(index)
        .op(op)
        .value(BigInteger.valueOf(value))
        .valueTwo(valueTwo == null ? null : BigInteger.valueOf(valueTwo))
        .build();
  }

  /**
   * Gives {@code syscalls} the {@code action} when every one of {@code args} holds, in one new
   * rule; {@code errno} (may be null) only with an action that takes one.
   *
   * @param action what the syscalls get
   * @param errno the errno returned, or null
   * @param args conditions on the syscalls' arguments, all of which must hold
   * @param syscalls syscall names
   * @return these settings, for chaining
   */
  public SeccompSettings rule(
      SeccompAction action, Long errno, List<SeccompArg> args, String... syscalls) {
    return rule(
        SeccompSyscall.builder()
            .action(action)
            .errnoRet(errno)
            .args(args.isEmpty() ? null : List.copyOf(args))
            .names(List.of(syscalls))
            .build());
  }

  /**
   * Gives {@code syscalls} the {@code action}, in one new rule.
   *
   * @param action what the syscalls get
   * @param syscalls syscall names
   * @return these settings, for chaining
   */
  public SeccompSettings rule(SeccompAction action, String... syscalls) {
    return rule(SeccompSyscall.builder().action(action).names(List.of(syscalls)).build());
  }

  /**
   * Makes {@code syscalls} fail with {@code errno}.
   *
   * @param errno the errno they fail with
   * @param syscalls syscall names
   * @return these settings, for chaining
   */
  public SeccompSettings errnoRule(long errno, String... syscalls) {
    return rule(
        SeccompSyscall.builder()
            .action(SeccompAction.SCMP_ACT_ERRNO)
            .errnoRet(errno)
            .names(List.of(syscalls))
            .build());
  }

  /**
   * Appends {@code rule} after taking its syscalls out of earlier rules.
   *
   * @param rule the rule to append
   * @return these settings, for chaining
   */
  public SeccompSettings rule(SeccompSyscall rule) {
    List<String> names = rule.names() == null ? List.of() : rule.names();
    return edit(
        s -> {
          List<SeccompSyscall> rules = withoutNames(s.syscalls(), names);
          return s.withSyscalls(ListEdits.append(rules, rule));
        });
  }

  /**
   * Removes {@code syscalls} from every rule.
   *
   * @param syscalls syscall names
   * @return these settings, for chaining
   */
  public SeccompSettings removeSyscalls(String... syscalls) {
    return edit(s -> s.withSyscalls(withoutNames(s.syscalls(), List.of(syscalls))));
  }

  /**
   * Removes every syscall rule.
   *
   * @return these settings, for chaining
   */
  public SeccompSettings clearRules() {
    return edit(s -> s.withSyscalls(null));
  }

  private static List<SeccompSyscall> withoutNames(List<SeccompSyscall> rules, List<String> names) {
    if (rules == null) {
      return null;
    }
    List<SeccompSyscall> out = new ArrayList<>();
    for (SeccompSyscall r : rules) {
      List<String> kept = ListEdits.remove(r.names(), names::contains);
      if (kept == null || !kept.isEmpty()) {
        out.add(r.withNames(kept));
      }
    }
    return out;
  }

  /**
   * Adds an architecture the filter also applies to.
   *
   * @param arch a seccomp architecture
   * @return these settings, for chaining
   */
  public SeccompSettings architecture(SeccompArch arch) {
    return edit(s -> s.withArchitectures(ListEdits.appendOnce(s.architectures(), arch)));
  }

  /**
   * Adds each of {@code arches}.
   *
   * @param arches seccomp architectures
   * @return these settings, for chaining
   */
  public SeccompSettings architectures(List<SeccompArch> arches) {
    for (SeccompArch a : arches) {
      architecture(a);
    }
    return this;
  }

  /**
   * Adds a filter flag ({@code SECCOMP_FILTER_FLAG_LOG}…).
   *
   * @param flag the flag to add
   * @return these settings, for chaining
   */
  public SeccompSettings flag(SeccompFlag flag) {
    return edit(s -> s.withFlags(ListEdits.appendOnce(s.flags(), flag)));
  }

  /**
   * Removes a filter flag.
   *
   * @param flag the flag to remove
   * @return these settings, for chaining
   */
  public SeccompSettings removeFlag(SeccompFlag flag) {
    return edit(s -> s.withFlags(ListEdits.remove(s.flags(), flag::equals)));
  }

  /**
   * Removes {@code linux.seccomp} entirely.
   *
   * @return these settings, for chaining
   */
  public SeccompSettings disable() {
    g.updateLinux(l -> l.withSeccomp(null));
    return this;
  }

  /**
   * The seccomp architectures a native process of {@code arch} may use ({@code amd64}/{@code
   * x86_64} gives X86_64, X86 and X32); empty for an architecture this table lacks.
   *
   * @param arch a machine architecture as Java or Go names it
   * @return the seccomp architectures, native first
   */
  public static List<SeccompArch> nativeArchitectures(String arch) {
    return switch (arch) {
      case "amd64", "x86_64" ->
          List.of(
              SeccompArch.SCMP_ARCH_X86_64, SeccompArch.SCMP_ARCH_X86, SeccompArch.SCMP_ARCH_X32);
      case "386", "x86", "i386" -> List.of(SeccompArch.SCMP_ARCH_X86);
      case "arm64", "aarch64" -> List.of(SeccompArch.SCMP_ARCH_AARCH64, SeccompArch.SCMP_ARCH_ARM);
      case "arm" -> List.of(SeccompArch.SCMP_ARCH_ARM);
      case "ppc64le" -> List.of(SeccompArch.SCMP_ARCH_PPC64LE);
      case "s390x" -> List.of(SeccompArch.SCMP_ARCH_S390X, SeccompArch.SCMP_ARCH_S390);
      case "riscv64" -> List.of(SeccompArch.SCMP_ARCH_RISCV64);
      case "loong64", "loongarch64" -> List.of(SeccompArch.SCMP_ARCH_LOONGARCH64);
      default -> List.of();
    };
  }
}
