/**
 * Turns an OCI image (layout directory or archive) into an unpacked root filesystem and a runtime
 * bundle: reference and platform selection, verified layer streams, config conversion and user
 * resolution. Internal; depends on {@code dev.ocikit.image.unpack}, the layout sources, the API's
 * types, the spec model and the config generator; never on the CLI.
 */
package dev.ocikit.image.bundle;
