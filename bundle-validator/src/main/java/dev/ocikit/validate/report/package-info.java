/**
 * Renderers of a {@link dev.ocikit.validate.ValidationReport}: text, JSON, SARIF, JUnit XML and
 * TAP. Depends on the validate API and the rule registry; never on the CLI.
 */
package dev.ocikit.validate.report;
