/**
 * Content digests of the OCI image-spec ({@code algorithm:encoded}), their algorithms, hashing and
 * the verifying stream every blob is read through; depends only on the JDK and Bouncy Castle
 * (BLAKE3), never on the document model or other ocikit packages.
 */
package dev.ocikit.spec.digest;
