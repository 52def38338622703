package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.driver.CallResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place runtime output is parsed as JSON. Output the harness cannot parse makes that call a
 * failed call, reported in one line, never an exception that ends the run.
 */
public final class RuntimeOutput {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RuntimeOutput() {}

  /**
   * The call's stdout as JSON.
   *
   * @throws Unmet naming the call, when it failed, was stopped or printed something that is not
   *     JSON
   */
  public static JsonNode json(CallResult r) {
    if (!r.ok()) {
      throw new Unmet(r.describe());
    }
    try {
      return JSON.readTree(r.stdout());
    } catch (RuntimeException e) {
      throw new Unmet(
          r.call() + " printed output that is not JSON: '" + CallResult.excerpt(r.stdout()) + "'");
    }
  }
}
