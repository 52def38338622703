/**
 * The conformance tests, their metadata and the explicit registry; depends on the driver, bundle,
 * checker and cgroup packages, never on the public facade or the reports.
 *
 * <p>Internal to the conformance harness: not public API.
 */
package dev.ocikit.conformance.suite;
