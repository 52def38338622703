/**
 * The API of image-tools, the one package the module exports: the entry points {@link
 * dev.ocikit.image.ImageValidator}, {@link dev.ocikit.image.Unpacker} and {@link
 * dev.ocikit.image.BundleCreator} (static, each taking an immutable options record), {@link
 * dev.ocikit.image.ImageReference}, and every type their signatures name: options, results and the
 * exceptions a caller catches. It imports no internal package: the entry points reach the internals
 * through {@link dev.ocikit.image.ImageToolsProvider}, and the internals use the types here.
 */
package dev.ocikit.image;
