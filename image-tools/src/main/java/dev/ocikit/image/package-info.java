/** Public API of image-tools: image layouts and archives, verification, unpack, bundle creation. */
package dev.ocikit.image;
