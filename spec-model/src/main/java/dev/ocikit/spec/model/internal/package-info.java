/**
 * Binding support for generated code only; not API, may change without notice. Depends on the JDK
 * and Jackson's tree model.
 */
package dev.ocikit.spec.model.internal;
