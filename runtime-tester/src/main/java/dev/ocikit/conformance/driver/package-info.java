/**
 * Runs a runc-style runtime CLI with timeouts and captured output; depends only on the JDK.
 *
 * <p>Internal to the conformance harness: not public API.
 */
package dev.ocikit.conformance.driver;
