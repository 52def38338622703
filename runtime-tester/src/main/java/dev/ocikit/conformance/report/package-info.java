/**
 * Renders a {@link dev.ocikit.conformance.ConformanceReport} as TAP 13, JUnit XML, JSON and a
 * static HTML report; depends only on the public facade, Jackson and the JDK.
 */
package dev.ocikit.conformance.report;
