/** Rules that apply to z/OS configs. */
package dev.ocikit.validate.rules.zos;
