/**
 * Build-time generator from schemas/ to Java sources; runs in spec-model's build, never shipped.
 */
package dev.ocikit.generator;
