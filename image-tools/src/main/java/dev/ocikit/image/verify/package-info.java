/**
 * Image layout validation behind {@link dev.ocikit.image.ImageValidator}: the image rules, the
 * descriptor walk, blob verification on the stream, DiffIDs and layer lint. Internal; depends on
 * the layout sources, the API's options, spec-model and the rule kernel; never on the unpacker or
 * the CLI.
 */
package dev.ocikit.image.verify;
