package dev.ocikit.conformance.suite;

/** RFC 2119 strength of the spec sentence a test checks. */
public enum Level {
  MUST,
  SHOULD,
  MAY
}
