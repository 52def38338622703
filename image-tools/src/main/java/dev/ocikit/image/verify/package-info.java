/**
 * Image layout validation behind {@link dev.ocikit.image.ImageValidator}: the image rules, the
 * descriptor walk, blob verification on the stream, DiffIDs and layer lint. Depends on the layout
 * sources, spec-model and the bundle-validator report types; never on the unpacker or the CLI.
 */
package dev.ocikit.image.verify;
