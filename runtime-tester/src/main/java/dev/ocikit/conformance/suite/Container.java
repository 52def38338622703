package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.bundle.TestBundle;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One container under test: its id, bundle and the intended config captured when it was created.
 * Thin wrappers over the driver so that test bodies read like the lifecycle they check.
 */
public final class Container {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Duration SETTLE = Duration.ofSeconds(5);

  private final Context ctx;
  private final String id;
  private final TestBundle bundle;
  private RuntimeConfig intended;

  Container(Context ctx, String id, TestBundle bundle) {
    this.ctx = ctx;
    this.id = id;
    this.bundle = bundle;
  }

  public String id() {
    return id;
  }

  public TestBundle bundle() {
    return bundle;
  }

  /** The config as the harness meant it at create time; judged against instead of the bundle. */
  public RuntimeConfig intended() {
    return intended;
  }

  public CallResult create() throws IOException {
    return create(null);
  }

  public CallResult create(Path pidFile) throws IOException {
    intended = bundle.write();
    return ctx.driver().create(bundle.dir(), id, pidFile);
  }

  /**
   * Creates with a call timeout of at least {@code timeout}, for a create that takes seconds by
   * design.
   */
  CallResult createAllowing(Duration timeout) throws IOException {
    intended = bundle.write();
    return ctx.driver().withCallTimeoutAtLeast(timeout).create(bundle.dir(), id, null);
  }

  /** Creates, or throws {@link Unmet} when the runtime refuses a valid bundle. */
  public Container createOk() throws IOException {
    CallResult r = create();
    if (!r.ok()) {
      throw new Unmet("precondition: create failed: " + r.describe());
    }
    return this;
  }

  public CallResult start() {
    return ctx.driver().start(id);
  }

  public Container startOk() {
    CallResult r = start();
    if (!r.ok()) {
      throw new Unmet("precondition: start failed: " + r.describe());
    }
    return this;
  }

  public CallResult kill(String signal) {
    return ctx.driver().kill(id, signal);
  }

  public CallResult delete() {
    return ctx.driver().delete(id, false);
  }

  /** The parsed state, or null when {@code state} fails or prints something that is not JSON. */
  public JsonNode state() {
    CallResult r = ctx.driver().state(id);
    if (!r.ok()) {
      return null;
    }
    try {
      return JSON.readTree(r.stdout());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {@return the state's status, or a description of why there is none (for failure messages)} */
  public String status() {
    JsonNode s = state();
    return s == null ? "<state failed>" : s.path("status").asString("<no status>");
  }

  /** Waits until the status equals {@code want}; returns the last status seen. */
  public String awaitStatus(String want) {
    String[] last = {""};
    Context.await(() -> want.equals(last[0] = status()), SETTLE);
    return last[0];
  }

  /** Waits for a file in the shared dir to exist and be non-empty. */
  public boolean awaitMarker(String name) {
    Path p = bundle.shared().resolve(name);
    return Context.await(() -> nonEmpty(p), SETTLE);
  }

  public boolean hasMarker(String name) {
    return nonEmpty(bundle.shared().resolve(name));
  }

  /** {@return the content of a shared-dir file, or "" when absent} */
  public String marker(String name) {
    try {
      return Files.readString(bundle.shared().resolve(name));
    } catch (IOException e) {
      return "";
    }
  }

  private static boolean nonEmpty(Path p) {
    try {
      return Files.size(p) > 0;
    } catch (IOException e) {
      return false;
    }
  }
}
