/**
 * Reads the host's cgroup layout (v1, hybrid or v2) and a process's cgroup limits; depends only on
 * the JDK.
 *
 * <p>Internal to the conformance harness: not public API.
 */
package dev.ocikit.conformance.cgroup;
