/** Rules about the mounts array: destinations, ID-mapped mounts and their options. */
package dev.ocikit.validate.rules.mounts;
