/** Rules about the root object: presence per platform and the path's form. */
package dev.ocikit.validate.rules.root;
