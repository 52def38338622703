/**
 * Read access to OCI image layouts: the {@link dev.ocikit.image.layout.ImageSource} core and its
 * directory and archive implementations; depends only on the JDK, spec-model and commons-compress
 * (never on the validators or the CLI).
 *
 * <p>Blob names come from parsed digests, so they cannot contain {@code /} or {@code ..}; blobs
 * that are symbolic links, directories or devices are refused, never followed.
 */
package dev.ocikit.image.layout;
