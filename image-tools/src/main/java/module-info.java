/**
 * OCI image layouts and archives: validation, digest and DiffID verification, safe unpack, bundle
 * creation. The API is {@code dev.ocikit.image}; the packages below it are internal.
 */
module dev.ocikit.image {
  requires transitive dev.ocikit.check;
  requires transitive dev.ocikit.generate;
  requires dev.ocikit.validate;
  requires com.github.luben.zstd_jni;
  requires com.sun.jna;

  exports dev.ocikit.image;

  // JNA reads the structures and interfaces of the C library calls reflectively.
  opens dev.ocikit.image.unpack to
      com.sun.jna;

  // The entry points reach the internals through this service, so that the internals can use the
  // API's types without a package cycle.
  uses dev.ocikit.image.ImageToolsProvider;

  provides dev.ocikit.image.ImageToolsProvider with
      dev.ocikit.image.engine.ImageEngine;
  provides dev.ocikit.check.RuleSource with
      dev.ocikit.image.verify.ImageRuleSource;
}
