/**
 * Types shared by the generated model ({@code dev.ocikit.spec.runtime}, {@code
 * dev.ocikit.spec.image}); depends on nothing but the JDK and Jackson's tree types.
 */
package dev.ocikit.spec.model;
