/**
 * Host adaptations: how the harness changes what a runtime sees of this host (never what a test
 * judges). Depends on the JDK only.
 */
package dev.ocikit.conformance.host;
