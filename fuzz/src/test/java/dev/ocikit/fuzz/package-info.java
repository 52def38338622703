/**
 * Coverage-guided fuzz tests (Jazzer) of the toolkit's entry points for untrusted input: strict
 * JSON and the model, digests and media types, layers, image layouts and config conversion. Each
 * target drives public API only, so it keeps working when the code behind it is replaced; it
 * depends on spec-model and image-tools, and nothing depends on it.
 */
package dev.ocikit.fuzz;
