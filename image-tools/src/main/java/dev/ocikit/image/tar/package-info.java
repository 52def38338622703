/**
 * The one tar reader of image-tools: layers during validation and unpacking, and OCI archive files,
 * are all read by {@link dev.ocikit.image.tar.TarReader}, with one interpretation of the format and
 * one guard ({@link dev.ocikit.image.TarLimits}, counted by {@link dev.ocikit.image.tar.TarBudget})
 * applied before anything a header declares is buffered. Internal; depends only on the JDK,
 * spec-model's {@code UntrustedText} and the API's {@code TarLimits} (never on the layout sources,
 * the validators or the unpacker).
 */
package dev.ocikit.image.tar;
