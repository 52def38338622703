/** Public API of bundle-validator: validate documents and bundles, findings and reports. */
package dev.ocikit.validate;
