/**
 * Runs a runc-style runtime CLI within limits (a timeout and an output limit per call, the run's
 * mark in every call's environment) and finds host processes by what /proc says of them; depends
 * only on the JDK.
 *
 * <p>Internal to the conformance harness: not public API.
 */
package dev.ocikit.conformance.driver;
