/**
 * Read access to OCI image layouts: the {@link dev.ocikit.image.layout.ImageSource} core and its
 * directory and archive implementations, and the one layer pipeline {@link
 * dev.ocikit.image.layout.LayerContent}. Internal; depends only on the JDK, spec-model, zstd-jni,
 * the tar reader and the API's {@code TarLimits} (never on the validators, the unpacker or the
 * CLI).
 *
 * <p>Blob names come from parsed digests, so they cannot contain {@code /} or {@code ..}; blobs
 * that are symbolic links, directories or devices are refused, never followed.
 */
package dev.ocikit.image.layout;
