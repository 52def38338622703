package dev.ocikit.check.report;

import java.util.List;
import java.util.Optional;

/** The known report formats, by name. */
public final class ReportFormats {
  private ReportFormats() {}

  /**
   * Names accepted by {@link #byName}.
   *
   * @return the format names, e.g. {@code text}, {@code json}, {@code sarif}
   */
  public static List<String> names() {
    return List.of("text", "json", "sarif", "junit", "tap");
  }

  /**
   * {@return the format called {@code name}; {@code colour} applies to text only}
   *
   * @param name a format name, as {@link #names()} lists them
   * @param colour whether text output uses ANSI colours
   */
  public static Optional<ReportFormat> byName(String name, boolean colour) {
    return switch (name) {
      case "text" -> Optional.of(new TextReportFormat(colour));
      case "json" -> Optional.of(new JsonReportFormat());
      case "sarif" -> Optional.of(new SarifReportFormat());
      case "junit" -> Optional.of(new JunitReportFormat());
      case "tap" -> Optional.of(new TapReportFormat());
      default -> Optional.empty();
    };
  }
}
