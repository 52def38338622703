/** Rules about lifecycle hooks: executable paths and environments. */
package dev.ocikit.validate.rules.hooks;
