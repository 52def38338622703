/** The checking kernel every check of the toolkit shares, and the report writers. */
module dev.ocikit.check {
  requires transitive dev.ocikit.spec;

  exports dev.ocikit.check;
  exports dev.ocikit.check.report;

  uses dev.ocikit.check.RuleSource;
}
