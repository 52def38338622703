package dev.ocikit.validate.rules;

import java.util.regex.Pattern;

/** How the spec's "absolute path" reads on each platform. */
public final class PathForms {
  private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^([A-Za-z]:[\\\\/]|\\\\\\\\).*");

  private PathForms() {}

  /** POSIX platforms: Linux, Solaris, FreeBSD, z/OS (VM and Windows are not). */
  public static boolean isPosix(String platform) {
    return switch (platform) {
      case "linux", "solaris", "freebsd", "zos" -> true;
      default -> false;
    };
  }

  /**
   * An absolute path on {@code platform}: {@code /…}, or on Windows {@code C:\…} or {@code \\…}.
   */
  public static boolean isAbsolute(String path, String platform) {
    if (path == null) {
      return false;
    }
    return platform.equals("windows")
        ? WINDOWS_ABSOLUTE.matcher(path).matches()
        : path.startsWith("/");
  }
}
