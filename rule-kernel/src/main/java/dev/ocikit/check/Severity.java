package dev.ocikit.check;

/** Whether a finding fails the run: it depends on the finding's level and the chosen threshold. */
public enum Severity {
  /** At or above the threshold level: the document or bundle is invalid. */
  ERROR,
  /** Reported, but does not fail the run. */
  WARNING
}
