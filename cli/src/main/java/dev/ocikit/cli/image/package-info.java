/**
 * The {@code oci-tool unpack} and {@code oci-tool bundle} commands: parse, call {@code
 * dev.ocikit.image.Unpacker} or {@code BundleCreator}, render. Depends on image-tools' public API
 * and picocli only; no unpack logic lives here.
 */
package dev.ocikit.cli.image;
