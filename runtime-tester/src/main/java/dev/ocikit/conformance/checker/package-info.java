/**
 * The in-container observer: a JDK-only program that reports what a container process sees as JSON
 * and judges nothing; must not depend on any other package or library (it runs with only its own
 * classes on the class path).
 */
package dev.ocikit.conformance.checker;
