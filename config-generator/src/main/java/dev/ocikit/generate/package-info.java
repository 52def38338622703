/**
 * Builds runtime-spec config.json documents: platform defaults, typed edits, rootless and
 * privileged profiles, and migration of older configs; depends on the spec model only (never on the
 * validator or picocli).
 */
package dev.ocikit.generate;
