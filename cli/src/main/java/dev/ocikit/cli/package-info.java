/** Command-line launchers; the only package that depends on picocli. */
package dev.ocikit.cli;
