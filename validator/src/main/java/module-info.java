/** One entry point for "validate this path", whatever OCI thing the path holds. */
module dev.ocikit.validator {
  requires transitive dev.ocikit.check;
  requires transitive dev.ocikit.image;
  requires dev.ocikit.validate;

  exports dev.ocikit.validator;
}
