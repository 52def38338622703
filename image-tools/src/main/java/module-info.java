/**
 * OCI image layouts and archives: validation, digest and DiffID verification, safe unpack, bundle
 * creation.
 */
module dev.ocikit.image {
  requires transitive dev.ocikit.check;
  requires transitive dev.ocikit.generate;
  requires dev.ocikit.validate;
  requires com.github.luben.zstd_jni;
  requires com.sun.jna;

  exports dev.ocikit.image;
  exports dev.ocikit.image.bundle;
  exports dev.ocikit.image.layout;
  exports dev.ocikit.image.tar;
  exports dev.ocikit.image.unpack;
  exports dev.ocikit.image.verify;

  // JNA reads the structures and interfaces of the C library calls reflectively.
  opens dev.ocikit.image.unpack to
      com.sun.jna;

  provides dev.ocikit.check.RuleSource with
      dev.ocikit.image.verify.ImageRuleSource;
}
