/**
 * The checking kernel: what every check of the toolkit shares. A rule is a {@link
 * dev.ocikit.check.RuleInfo} (id, {@link dev.ocikit.check.Level}, summary, spec link, {@link
 * dev.ocikit.check.Platform}); a broken rule is a {@link dev.ocikit.check.Finding}, collected by a
 * {@link dev.ocikit.check.FindingSink} under {@link dev.ocikit.check.ValidationOptions}; modules
 * publish their rules as a {@link dev.ocikit.check.RuleSource} and {@link
 * dev.ocikit.check.RuleCatalog} joins them. Bundle, document and image rules and the conformance
 * tests all use these types.
 */
package dev.ocikit.check;
