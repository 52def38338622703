package dev.ocikit.image;

import dev.ocikit.spec.image.Platform;
import java.util.Locale;

/**
 * A platform asked for by a user, {@code os/arch[/variant]}, as in the {@code platform} of an <a
 * href="https://github.com/opencontainers/image-spec/blob/v1.1.1/image-index.md#image-index-property-descriptions">image
 * index</a> entry.
 *
 * @param os operating system, e.g. {@code linux}
 * @param architecture CPU architecture in GOARCH terms, e.g. {@code amd64}
 * @param variant CPU variant, e.g. {@code v8}, or null when any variant will do
 */
public record PlatformSpec(String os, String architecture, String variant) {

  /**
   * Parses {@code os/arch[/variant]}.
   *
   * @throws IllegalArgumentException naming the expected form
   * @param unsafe the text as the user gave it
   * @return the platform
   */
  public static PlatformSpec parse(String unsafe) {
    String[] p = unsafe.split("/", -1);
    if (p.length < 2 || p.length > 3 || p[0].isEmpty() || p[1].isEmpty()) {
      throw new IllegalArgumentException(
          "invalid platform '" + unsafe + "': expected os/arch[/variant], e.g. linux/amd64");
    }
    return new PlatformSpec(p[0], p[1], p.length == 3 && !p[2].isEmpty() ? p[2] : null);
  }

  /** {@return the platform of this JVM's machine, e.g. {@code linux/amd64}, without a variant} */
  public static PlatformSpec host() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String jvmArch = System.getProperty("os.arch", "");
    String arch =
        switch (jvmArch) {
          case "amd64", "x86_64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "x86", "i386", "i686" -> "386";
          case "ppc64le" -> "ppc64le";
          case "s390x" -> "s390x";
          case "riscv64" -> "riscv64";
          default -> jvmArch;
        };
    return new PlatformSpec(os.startsWith("windows") ? "windows" : os, arch, null);
  }

  /**
   * {@return whether {@code p} is this platform; a null variant here accepts any variant there}
   *
   * @param p a platform of an index entry or config
   */
  public boolean matches(Platform p) {
    return p != null
        && os.equals(p.os())
        && architecture.equals(p.architecture())
        && (variant == null || variant.equals(p.variant()));
  }

  /**
   * Renders a model platform as {@code os/arch[/variant]}, or {@code unknown platform}.
   *
   * @param p a platform, or null
   * @return its text
   */
  public static String describe(Platform p) {
    if (p == null || p.os() == null || p.architecture() == null) {
      return "unknown platform";
    }
    return p.os() + "/" + p.architecture() + (p.variant() == null ? "" : "/" + p.variant());
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant);
  }
}
