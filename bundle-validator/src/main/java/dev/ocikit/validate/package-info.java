/**
 * Public API of bundle-validator: validate documents and bundles. Findings, options and results are
 * the checking kernel's types ({@code dev.ocikit.check}).
 */
package dev.ocikit.validate;
