/** Rules about annotation keys. */
package dev.ocikit.validate.rules.annotations;
