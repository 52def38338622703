package dev.ocikit.spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The toolkit's own version and the commit it was built from, as the build recorded them. Every
 * {@code --version} line and every machine-readable report names the toolkit through this class, so
 * they cannot disagree. A build outside a git checkout (a source archive) records no commit: {@link
 * #commit()} is then {@code "unknown"}. Immutable and thread-safe.
 */
public final class OcikitVersion {
  /** What {@link #commit()} says when the build could not ask git. */
  public static final String UNKNOWN = "unknown";

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]+");
  private static final OcikitVersion BUILD = load();

  private final String version;
  private final String commit;

  private OcikitVersion(String version, String commit) {
    this.version = version;
    this.commit = commit;
  }

  /** {@return the version and commit of the classes this class was loaded with} */
  public static OcikitVersion build() {
    return BUILD;
  }

  /**
   * The project version, such as {@code 0.1.0-SNAPSHOT}; {@code "unknown"} if not recorded.
   *
   * @return the version
   */
  public String version() {
    return version;
  }

  /** {@return the abbreviated git commit the build was made from, or {@code "unknown"}} */
  public String commit() {
    return commit;
  }

  /** The one-line form: {@code ocikit 0.1.0-SNAPSHOT (commit abc1234)}. */
  @Override
  public String toString() {
    return "ocikit " + version + " (commit " + commit + ")";
  }

  private static OcikitVersion load() {
    Properties p = new Properties();
    try (InputStream in = OcikitVersion.class.getResourceAsStream("ocikit-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException unreadable) {
      // a broken jar: say "unknown" below rather than fail every command
    }
    // An unfiltered resource (classes compiled by an IDE) still holds the ${...} placeholders.
    return new OcikitVersion(
        matching(p.getProperty("version"), VERSION), matching(p.getProperty("commit"), COMMIT));
  }

  private static String matching(String value, Pattern shape) {
    return value != null && shape.matcher(value).matches() ? value : UNKNOWN;
  }
}
