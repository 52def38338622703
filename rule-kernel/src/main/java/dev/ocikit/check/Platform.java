package dev.ocikit.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a rule applies: every platform, or the one whose platform-specific section of the
 * runtime-spec it serves.
 */
public enum Platform {
  /** Every platform (config.md, runtime.md, the image-spec). */
  ALL,
  /** config-linux.md, runtime-linux.md, features-linux.md. */
  LINUX,
  /** config-windows.md. */
  WINDOWS,
  /** config-solaris.md. */
  SOLARIS,
  /** config-vm.md. */
  VM,
  /** config-zos.md. */
  ZOS,
  /** config-freebsd.md. */
  FREEBSD;

  /** {@return the lowercase name used in reports and on the command line, e.g. {@code linux}} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@return whether a rule for this platform runs when validating for {@code platform}}
   *
   * @param platform the platform being validated for, e.g. {@code linux}
   */
  public boolean appliesTo(String platform) {
    return this == ALL || id().equals(platform);
  }

  /**
   * {@return the platform named {@code id} ({@code linux}, {@code all}, …), if there is one}
   *
   * @param id a platform id
   */
  public static Optional<Platform> parse(String id) {
    return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id();
  }
}
