/** The runtime conformance harness and its reports. */
module dev.ocikit.conformance {
  requires transitive dev.ocikit.check;
  requires dev.ocikit.generate;
  requires dev.ocikit.validate;
  requires org.newsclub.net.unix;

  exports dev.ocikit.conformance;
  exports dev.ocikit.conformance.host;
  exports dev.ocikit.conformance.report;
  // The test list, for the catalog and explain; running them goes through ConformanceRunner.
  exports dev.ocikit.conformance.suite to
      dev.ocikit.cli;

  provides dev.ocikit.check.RuleSource with
      dev.ocikit.conformance.suite.ConformanceRuleSource;
}
