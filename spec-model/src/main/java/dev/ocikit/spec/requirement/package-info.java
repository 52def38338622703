/**
 * The specs as data: one {@link dev.ocikit.spec.requirement.Requirement} per normative sentence of
 * runtime-spec v1.3.0 and image-spec v1.1.1, paraphrased, with what checks it.
 */
package dev.ocikit.spec.requirement;
