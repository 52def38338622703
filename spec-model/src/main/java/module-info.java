/**
 * The OCI specs as data: the typed model of every runtime-spec and image-spec document, strict
 * JSON, digests, media types and the requirement catalog.
 */
module dev.ocikit.spec {
  requires transitive tools.jackson.databind;
  requires org.bouncycastle.provider;
  // @Generated on the generated model: source retention, compile time only.
  requires static java.compiler;

  // Not exported: dev.ocikit.spec.model.internal, helpers of the generated code only.
  exports dev.ocikit.spec;
  exports dev.ocikit.spec.digest;
  exports dev.ocikit.spec.file;
  exports dev.ocikit.spec.image;
  exports dev.ocikit.spec.json;
  exports dev.ocikit.spec.mediatype;
  exports dev.ocikit.spec.model;
  exports dev.ocikit.spec.requirement;
  exports dev.ocikit.spec.runtime;
}
