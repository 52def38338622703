/** Rules that apply to FreeBSD configs (devices and jail parameters). */
package dev.ocikit.validate.rules.freebsd;
