/**
 * Media types (RFC 6838) and the constants and classifications of the OCI image-spec media types;
 * depends only on the JDK, never on the document model or other ocikit packages.
 */
package dev.ocikit.spec.mediatype;
