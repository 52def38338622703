/** Rules that apply to Windows configs. */
package dev.ocikit.validate.rules.windows;
