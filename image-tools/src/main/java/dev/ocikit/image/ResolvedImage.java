package dev.ocikit.image;

import dev.ocikit.spec.image.Descriptor;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.image.ImageManifest;

/**
 * One image chosen from a layout, with its manifest and config read and verified.
 *
 * @param manifestDescriptor the index entry that points at the manifest
 * @param manifest the image manifest
 * @param config the image configuration
 * @param refName the {@code org.opencontainers.image.ref.name} it was found under, or null
 */
public record ResolvedImage(
    Descriptor manifestDescriptor, ImageManifest manifest, ImageConfig config, String refName) {}
