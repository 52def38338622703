/**
 * The {@code oci-tool generate} command: option groups per config area and the converters that
 * parse their values; depends on picocli and the generator API, nothing else.
 */
package dev.ocikit.cli.generate;
