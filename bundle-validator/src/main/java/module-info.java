/** Validation of OCI documents and runtime bundles: the schema check and every rule. */
module dev.ocikit.validate {
  requires transitive dev.ocikit.check;
  requires com.networknt.schema;

  exports dev.ocikit.validate;
  // Shared with the toolkit's own modules only, not an API: the schema check (image documents,
  // version targeting, the catalog of keywords), rule examples for explain, and the image-spec
  // document rules the image walk runs too.
  exports dev.ocikit.validate.schema to
      dev.ocikit.image,
      dev.ocikit.validator,
      dev.ocikit.conformance,
      dev.ocikit.cli;
  exports dev.ocikit.validate.rules to
      dev.ocikit.cli;
  exports dev.ocikit.validate.rules.image to
      dev.ocikit.image;

  provides dev.ocikit.check.RuleSource with
      dev.ocikit.validate.registry.BundleRuleSource,
      dev.ocikit.validate.schema.SchemaRuleSource;
}
