package dev.ocikit.cli.generate;

import static dev.ocikit.cli.generate.Values.expected;
import static dev.ocikit.cli.generate.Values.number;

import dev.ocikit.spec.LinuxCapabilities;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.model.ModelObject;
import dev.ocikit.spec.runtime.Hook;
import dev.ocikit.spec.runtime.LinuxDevice;
import dev.ocikit.spec.runtime.LinuxDeviceType;
import dev.ocikit.spec.runtime.Mount;
import dev.ocikit.spec.runtime.Namespace;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.RootfsPropagation;
import dev.ocikit.spec.runtime.SeccompAction;
import dev.ocikit.spec.runtime.SeccompArch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import tools.jackson.databind.JsonNode;

/** Converters from option text to spec model values, refusing what the spec does not allow. */
final class SpecConverters {
  private SpecConverters() {}

  /** {@code CAP_NET_ADMIN}, {@code NET_ADMIN} or {@code net_admin}. */
  static final class CapabilityConverter implements ITypeConverter<String> {
    @Override
    public String convert(String v) {
      return LinuxCapabilities.canonical(v)
          .orElseThrow(() -> expected("a Linux capability such as CAP_NET_ADMIN", v));
    }
  }

  /** {@code TYPE[:PATH]} with a namespace type the spec lists. */
  static final class NamespaceConverter implements ITypeConverter<Namespace> {
    @Override
    public Namespace convert(String v) {
      int colon = v.indexOf(':');
      NamespaceType type = NamespaceType.of(colon < 0 ? v : v.substring(0, colon));
      String path = colon < 0 ? null : v.substring(colon + 1);
      if (!type.isKnown() || (path != null && !path.startsWith("/"))) {
        throw expected("TYPE[:/ABSOLUTE/PATH] with TYPE one of " + NamespaceType.knownValues(), v);
      }
      return Namespace.builder().type(type).path(path).build();
    }
  }

  /** {@code TYPE} alone, for removal. */
  static final class NamespaceTypeConverter implements ITypeConverter<NamespaceType> {
    @Override
    public NamespaceType convert(String v) {
      NamespaceType t = NamespaceType.of(v);
      if (!t.isKnown()) {
        throw expected("one of " + NamespaceType.knownValues(), v);
      }
      return t;
    }
  }

  /** {@code TYPE:MAJOR:MINOR:PATH[:fileMode=N][:uid=N][:gid=N]}, as runtime-tools writes it. */
  static final class DeviceConverter implements ITypeConverter<LinuxDevice> {
    private static final String FORM = "TYPE:MAJOR:MINOR:/PATH[:fileMode=N][:uid=N][:gid=N]";

    @Override
    public LinuxDevice convert(String v) {
      String[] p = v.split(":", -1);
      LinuxDeviceType type = p.length < 4 ? null : LinuxDeviceType.of(p[0]);
      if (type == null || !type.isKnown() || !p[3].startsWith("/")) {
        throw expected(FORM + " with TYPE c, b, u or p", v);
      }
      LinuxDevice.Builder b =
          LinuxDevice.builder()
              .type(type)
              .major(number(p[1], FORM, v))
              .minor(number(p[2], FORM, v))
              .path(p[3]);
      for (String extra : Arrays.asList(p).subList(4, p.length)) {
        String[] kv = extra.split("=", 2);
        if (kv.length != 2) {
          throw expected(FORM, v);
        }
        switch (kv[0]) {
          case "fileMode" -> b.fileMode(number(kv[1], FORM, v));
          case "uid" -> b.uid(number(kv[1], FORM, v));
          case "gid" -> b.gid(number(kv[1], FORM, v));
          default -> throw expected(FORM, v);
        }
      }
      return b.build();
    }
  }

  /** {@code /PATH[:ARG...]} or a JSON hook object ({@code {"path": …, "timeout": 5}}). */
  static final class HookConverter implements ITypeConverter<Hook> {
    @Override
    public Hook convert(String v) {
      Hook h;
      if (v.trim().startsWith("{")) {
        h = json(v, Hook::fromJson, "a JSON hook object");
      } else {
        List<String> parts = Arrays.asList(v.split(":", -1));
        h = Hook.builder().path(parts.get(0)).args(parts.size() > 1 ? parts : null).build();
      }
      if (h.path() == null || !h.path().startsWith("/")) {
        throw expected("/ABSOLUTE/PATH[:ARG...] or {\"path\": \"/ABSOLUTE/PATH\", …}", v);
      }
      return h;
    }
  }

  /** A JSON mount object with at least {@code destination}. */
  static final class MountJsonConverter implements ITypeConverter<Mount> {
    @Override
    public Mount convert(String v) {
      Mount m = json(v, Mount::fromJson, "a JSON mount object");
      if (m.destination() == null) {
        throw expected("a JSON mount object with \"destination\"", v);
      }
      return m;
    }
  }

  static <T extends ModelObject> T json(String v, Function<JsonNode, T> bind, String form) {
    try {
      JsonNode n = StrictJson.reader().read(v.getBytes(StandardCharsets.UTF_8), "option").root();
      if (!n.isObject()) {
        throw expected(form, v);
      }
      return bind.apply(n);
    } catch (java.io.IOException | RuntimeException e) {
      throw expected(form, v);
    }
  }

  /**
   * {@code shared}, {@code slave}, {@code private} or {@code unbindable}, or their recursive forms
   * ({@code rshared}…), which runtime-tools and runc accept too; the spec lists only the first
   * four, so {@link LinuxOptions#notes()} says so when one of the others is used.
   */
  static final class PropagationConverter implements ITypeConverter<RootfsPropagation> {
    @Override
    public RootfsPropagation convert(String v) {
      RootfsPropagation p = RootfsPropagation.of(v);
      if (!p.isKnown() && !isRecursive(v)) {
        throw expected(
            "one of "
                + RootfsPropagation.knownValues()
                + " or rshared, rslave, rprivate, runbindable",
            v);
      }
      return p;
    }

    static boolean isRecursive(String v) {
      return v.startsWith("r") && RootfsPropagation.of(v.substring(1)).isKnown();
    }
  }

  /** {@code SCMP_ACT_ERRNO} or just {@code errno}. */
  static final class SeccompActionConverter implements ITypeConverter<SeccompAction> {
    @Override
    public SeccompAction convert(String v) {
      String u = v.toUpperCase(Locale.ROOT);
      SeccompAction a = SeccompAction.of(u.startsWith("SCMP_ACT_") ? u : "SCMP_ACT_" + u);
      if (!a.isKnown()) {
        throw expected("a seccomp action such as SCMP_ACT_ERRNO or errno", v);
      }
      return a;
    }
  }

  /** {@code SCMP_ARCH_X86_64} or just {@code x86_64}. */
  static final class SeccompArchConverter implements ITypeConverter<SeccompArch> {
    @Override
    public SeccompArch convert(String v) {
      String u = v.toUpperCase(Locale.ROOT);
      SeccompArch a = SeccompArch.of(u.startsWith("SCMP_ARCH_") ? u : "SCMP_ARCH_" + u);
      if (!a.isKnown()) {
        throw expected("a seccomp architecture such as SCMP_ARCH_X86_64 or x86_64", v);
      }
      return a;
    }
  }
}
