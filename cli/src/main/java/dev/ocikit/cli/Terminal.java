package dev.ocikit.cli;

/** Whether output goes to a person at a terminal (for colour and progress bars). */
final class Terminal {
  private Terminal() {}

  static boolean isInteractive() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }
}
