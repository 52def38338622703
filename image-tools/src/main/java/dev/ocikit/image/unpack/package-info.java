/**
 * Applies OCI layer changesets onto a root directory safely; internal to image-tools, depends only
 * on the JDK, the tar reader, JNA (for the C library calls the JDK lacks, in {@code Libc}), the
 * layout package's shared layer decompression and the API's options and exceptions (never on the
 * CLI or the validators).
 *
 * <p>All untrusted tar names go through {@link dev.ocikit.image.unpack.RootResolver} and every
 * filesystem call goes through {@link dev.ocikit.image.unpack.RootFs}; see {@code
 * docs/security.md}.
 */
package dev.ocikit.image.unpack;
