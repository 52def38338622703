package dev.ocikit.cli.generate;

import static dev.ocikit.cli.generate.Values.expected;

import dev.ocikit.generate.SeccompSettings;
import dev.ocikit.spec.runtime.FreeBSDJailMode;
import dev.ocikit.spec.runtime.FreeBSDJailSharing;
import dev.ocikit.spec.runtime.LinuxMemoryPolicy;
import dev.ocikit.spec.runtime.LinuxMemoryPolicyFlag;
import dev.ocikit.spec.runtime.LinuxMemoryPolicyMode;
import dev.ocikit.spec.runtime.LinuxPersonality;
import dev.ocikit.spec.runtime.LinuxPersonalityDomain;
import dev.ocikit.spec.runtime.SeccompAction;
import dev.ocikit.spec.runtime.SeccompArg;
import dev.ocikit.spec.runtime.SeccompFlag;
import dev.ocikit.spec.runtime.SeccompOperator;
import dev.ocikit.spec.runtime.SeccompSyscall;
import dev.ocikit.spec.runtime.ZOSNamespace;
import dev.ocikit.spec.runtime.ZOSNamespaceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** Converters for seccomp rules and flags, personality, memory policy and other platforms. */
final class LinuxConverters {
  private LinuxConverters() {}

  private static String upper(String v, String prefix) {
    String u = v.toUpperCase(Locale.ROOT);
    return u.startsWith(prefix) ? u : prefix + u;
  }

  /**
   * {@code NAMES:ACTION[:ERRNO][:INDEX,OP,VALUE[,VALUE2]]...} (names comma-separated, action and
   * operator with or without their prefix), or a JSON syscall rule object.
   */
  static final class SeccompRuleConverter implements ITypeConverter<SeccompSyscall> {
    private static final String FORM =
        "NAMES:ACTION[:ERRNO][:INDEX,OP,VALUE[,VALUE2]]... such as"
            + " personality:allow:0,EQ,0, or a JSON syscall rule";

    @Override
    public SeccompSyscall convert(String v) {
      SeccompSyscall r =
          v.trim().startsWith("{")
              ? SpecConverters.json(v, SeccompSyscall::fromJson, FORM)
              : parse(v);
      boolean namesOk =
          r.names() != null
              && !r.names().isEmpty()
              && r.names().stream().allMatch(n -> n != null && n.matches("[a-z0-9_]+"));
      if (!namesOk
          || r.action() == null
          || !r.action().isKnown()
          || (r.errnoRet() != null && !SeccompSettings.returnsErrno(r.action()))
          || !r.otherProperties().isEmpty()) {
        throw expected(FORM, v);
      }
      return r;
    }

    private static SeccompSyscall parse(String v) {
      String[] p = v.split(":", -1);
      if (p.length < 2) {
        throw expected(FORM, v);
      }
      Long errno = null;
      List<SeccompArg> args = new ArrayList<>();
      for (int i = 2; i < p.length; i++) {
        if (i == 2 && p[i].matches("\\d{1,9}")) {
          errno = Long.parseLong(p[i]);
          continue;
        }
        String[] a = p[i].split(",", -1);
        SeccompOperator op = a.length < 3 ? null : SeccompOperator.of(upper(a[1], "SCMP_CMP_"));
        if (op == null || !op.isKnown() || a.length > 4) {
          throw expected(FORM, v);
        }
        try {
          args.add(
              SeccompSettings.arg(
                  Long.parseUnsignedLong(a[0]),
                  op,
                  Long.parseUnsignedLong(a[2]),
                  a.length == 4 ? Long.parseUnsignedLong(a[3]) : null));
        } catch (NumberFormatException e) {
          throw expected(FORM, v);
        }
      }
      return SeccompSyscall.builder()
          .names(List.of(p[0].split(",", -1)))
          .action(SeccompAction.of(upper(p[1], "SCMP_ACT_")))
          .errnoRet(errno)
          .args(args.isEmpty() ? null : args)
          .build();
    }
  }

  /** {@code SECCOMP_FILTER_FLAG_LOG} or just {@code log}. */
  static final class SeccompFlagConverter implements ITypeConverter<SeccompFlag> {
    @Override
    public SeccompFlag convert(String v) {
      SeccompFlag f = SeccompFlag.of(upper(v, "SECCOMP_FILTER_FLAG_"));
      if (!f.isKnown()) {
        throw expected("one of " + SeccompFlag.knownValues() + " (prefix optional)", v);
      }
      return f;
    }
  }

  /** {@code DOMAIN[:FLAG,...]} with DOMAIN {@code LINUX} or {@code LINUX32}. */
  static final class PersonalityConverter implements ITypeConverter<LinuxPersonality> {
    @Override
    public LinuxPersonality convert(String v) {
      String[] p = v.split(":", 2);
      LinuxPersonalityDomain d = LinuxPersonalityDomain.of(p[0].toUpperCase(Locale.ROOT));
      if (!d.isKnown() || (p.length == 2 && p[1].isEmpty())) {
        throw expected("DOMAIN[:FLAG,...] with DOMAIN LINUX or LINUX32", v);
      }
      List<String> flags = p.length == 2 ? List.of(p[1].split(",")) : null;
      return LinuxPersonality.builder().domain(d).flags(flags).build();
    }
  }

  /** {@code MODE[:NODES[:FLAG,...]]}, MODE and flags with or without their {@code MPOL_} prefix. */
  static final class MemoryPolicyConverter implements ITypeConverter<LinuxMemoryPolicy> {
    private static final String FORM =
        "MODE[:NODES[:FLAG,...]] such as MPOL_BIND:0-1 or interleave:0,2";

    @Override
    public LinuxMemoryPolicy convert(String v) {
      String[] p = v.split(":", -1);
      LinuxMemoryPolicyMode mode = LinuxMemoryPolicyMode.of(upper(p[0], "MPOL_"));
      if (!mode.isKnown() || p.length > 3) {
        throw expected(FORM, v);
      }
      String nodes = p.length > 1 && !p[1].isEmpty() ? p[1] : null;
      if (nodes != null && !nodes.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
        throw expected(FORM, v);
      }
      List<LinuxMemoryPolicyFlag> flags = new ArrayList<>();
      for (String f : p.length == 3 ? p[2].split(",") : new String[0]) {
        LinuxMemoryPolicyFlag flag = LinuxMemoryPolicyFlag.of(upper(f, "MPOL_F_"));
        if (!flag.isKnown()) {
          throw expected(FORM, v);
        }
        flags.add(flag);
      }
      return LinuxMemoryPolicy.builder()
          .mode(mode)
          .nodes(nodes)
          .flags(flags.isEmpty() ? null : flags)
          .build();
    }
  }

  /** {@code new}, {@code inherit} or {@code disable}. */
  static final class JailModeConverter implements ITypeConverter<FreeBSDJailMode> {
    @Override
    public FreeBSDJailMode convert(String v) {
      FreeBSDJailMode m = FreeBSDJailMode.of(v);
      if (!m.isKnown()) {
        throw expected("new, inherit or disable", v);
      }
      return m;
    }
  }

  /** {@code new} or {@code inherit}: jail.host and jail.vnet cannot be disabled. */
  static final class JailSharingConverter implements ITypeConverter<FreeBSDJailSharing> {
    @Override
    public FreeBSDJailSharing convert(String v) {
      FreeBSDJailSharing m = FreeBSDJailSharing.of(v);
      if (!m.isKnown()) {
        throw expected("new or inherit", v);
      }
      return m;
    }
  }

  /** {@code TYPE[:/PATH]} with a z/OS namespace type. */
  static final class ZosNamespaceConverter implements ITypeConverter<ZOSNamespace> {
    @Override
    public ZOSNamespace convert(String v) {
      int colon = v.indexOf(':');
      ZOSNamespaceType t = ZOSNamespaceType.of(colon < 0 ? v : v.substring(0, colon));
      String path = colon < 0 ? null : v.substring(colon + 1);
      if (!t.isKnown() || (path != null && !path.startsWith("/"))) {
        throw expected("TYPE[:/PATH] with TYPE one of " + ZOSNamespaceType.knownValues(), v);
      }
      return ZOSNamespace.builder().type(t).path(path).build();
    }
  }
}
