/**
 * Rules over single image-spec documents (descriptor, manifest, index, image config), run wherever
 * such a document is validated: on its own and during an image layout walk. They read the located
 * JSON tree and depend on no other rule package.
 */
package dev.ocikit.validate.rules.image;
