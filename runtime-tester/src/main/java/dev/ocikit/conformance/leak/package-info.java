/**
 * Finds and removes what a run left on the host (containers the runtime still knows, processes and
 * cgroups carrying the run's mark) and describes each leftover in one line; depends on the driver
 * and on the suite's parsing of runtime output, never on the public facade or the reports.
 *
 * <p>Internal to the conformance harness: not public API.
 */
package dev.ocikit.conformance.leak;
