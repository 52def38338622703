/** Entry points of spec-model: reading and writing OCI documents as typed Java objects. */
package dev.ocikit.spec;
