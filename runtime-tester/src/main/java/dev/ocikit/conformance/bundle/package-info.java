/**
 * Builds test bundles: a busybox rootfs plus a config.json edited through {@link
 * dev.ocikit.conformance.bundle.ConfigEditor}; depends on the JDK, spec-model's typed {@code
 * RuntimeConfig} and bundle-validator's {@code ConfigGenerator}, nothing else of the harness.
 *
 * <p>Internal to the conformance harness: not public API.
 */
package dev.ocikit.conformance.bundle;
