/** {@code oci-validate} and {@code oci-tool}: the only module using picocli. */
module dev.ocikit.cli {
  requires dev.ocikit.validate;
  requires dev.ocikit.image;
  requires dev.ocikit.validator;
  requires dev.ocikit.conformance;
  requires dev.ocikit.generate;
  requires info.picocli;

  exports dev.ocikit.cli;

  // picocli fills the annotated fields of the commands reflectively.
  opens dev.ocikit.cli to
      info.picocli;
  opens dev.ocikit.cli.conformance to
      info.picocli;
  opens dev.ocikit.cli.generate to
      info.picocli;
  opens dev.ocikit.cli.image to
      info.picocli;
  opens dev.ocikit.cli.support to
      info.picocli;
}
