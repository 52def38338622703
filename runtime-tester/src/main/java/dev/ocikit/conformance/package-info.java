/** Public API of runtime-tester: the runtime conformance harness and its reports. */
package dev.ocikit.conformance;
