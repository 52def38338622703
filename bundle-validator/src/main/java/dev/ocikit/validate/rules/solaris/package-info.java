/** Rules that apply to Solaris configs. */
package dev.ocikit.validate.rules.solaris;
