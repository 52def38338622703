/**
 * The implementation behind the entry points of {@code dev.ocikit.image} ({@link
 * dev.ocikit.image.ImageToolsProvider}): opens the image, resolves the reference and platform, and
 * drives validation, unpacking and bundle creation through the internal packages. Internal to
 * image-tools; the only package that depends on all the others, and none depends on it.
 */
package dev.ocikit.image.engine;
