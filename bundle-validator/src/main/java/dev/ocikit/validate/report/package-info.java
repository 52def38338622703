/** Renderers of a {@link dev.ocikit.validate.ValidationReport} to text, JSON and other formats. */
package dev.ocikit.validate.report;
