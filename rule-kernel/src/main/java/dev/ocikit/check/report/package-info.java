/**
 * Renderers of a {@link dev.ocikit.check.ValidationReport}: text, JSON, SARIF, JUnit XML and TAP.
 * They know rules only through {@link dev.ocikit.check.RuleCatalog}; never the CLI or a checking
 * module.
 */
package dev.ocikit.check.report;
