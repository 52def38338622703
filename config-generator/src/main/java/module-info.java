/** Builds runtime-spec configs: the API behind {@code oci-tool generate}. */
module dev.ocikit.generate {
  requires transitive dev.ocikit.spec;

  exports dev.ocikit.generate;
}
