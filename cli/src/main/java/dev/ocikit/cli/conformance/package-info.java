/**
 * The {@code oci-tool conformance} command: resolves runtimes, runs the runtime-tester harness and
 * renders its reports. Depends on the public {@code dev.ocikit.conformance} API only.
 */
package dev.ocikit.cli.conformance;
