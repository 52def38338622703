/**
 * Builds test bundles: a busybox rootfs plus a config.json edited through {@link
 * dev.ocikit.conformance.bundle.ConfigEditor}; depends on the JDK and Jackson only.
 *
 * <p>Internal to the conformance harness: not public API.
 */
package dev.ocikit.conformance.bundle;
