/**
 * Schema-level validation with the schemas packaged in spec-model (loaded from the classpath, never
 * the network); internal, may change without notice.
 */
package dev.ocikit.validate.schema;
