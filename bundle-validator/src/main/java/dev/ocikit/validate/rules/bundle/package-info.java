/** Rules that look at the bundle directory through the config (root filesystem…). */
package dev.ocikit.validate.rules.bundle;
