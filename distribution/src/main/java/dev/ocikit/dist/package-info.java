/**
 * Build-time generators of the release archive's documentation (man pages, shell completion) from
 * the commands' picocli model; never shipped, and nothing depends on it.
 */
package dev.ocikit.dist;
