package io.tripline.cli.detect;

import io.tripline.core.detect.DetectionEngine;
import io.tripline.core.detect.DetectionException;
import io.tripline.core.detect.DetectionOptions;
import io.tripline.core.detect.RecordEvaluator;
import io.tripline.core.detect.RuleLibrary;
import io.tripline.core.detect.opa.OpaEvaluator;
import io.tripline.core.detect.opa.OpaSettings;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Which engine runs the rules: the embedded Rego engine, or a running OPA ({@code --engine opa
 * --opa-url URL}) serving the same library. Owns the OPA connection; close it after the run.
 */
public final class EngineOptions implements AutoCloseable {
  public enum Engine { embedded, opa }

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "embedded",
      description = "Where the rules run: embedded (the Rego engine inside Tripline) or opa (a running OPA "
          + "server, or `tripline serve`, loaded with the same library: `opa run --server policies/`). "
          + "Default: ${DEFAULT-VALUE}.")
  Engine engine;

  @Option(names = "--opa-url", paramLabel = "URL",
      description = "OPA's base URL for --engine opa (default: http://127.0.0.1:8181). Rule metadata is read "
          + "from the local library (--policies); the rules run on OPA.")
  String opaUrl;

  private OpaEvaluator opa;

  /** A usage problem with these options, or null. */
  public String problem() {
    if (opaUrl != null && engine != Engine.opa) {
      return "--opa-url needs --engine opa";
    }
    if (engine == Engine.opa) {
      try {
        OpaSettings.parseUrl(url());
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }
    return null;
  }

  private String url() {
    return opaUrl != null ? opaUrl : "http://127.0.0.1:8181";
  }

  /** The engine over the library; for OPA, requests in flight are bounded by the worker threads. */
  DetectionEngine create(RuleLibrary library, DetectionOptions options) throws DetectionException {
    if (engine == Engine.embedded) {
      return DetectionEngine.embedded(library, options);
    }
    if (opa == null) {
      URI url = OpaSettings.parseUrl(url());
      opa = new OpaEvaluator(library, OpaSettings.defaults(url).concurrency(options.threads() + 1));
    }
    return DetectionEngine.using(library, opa, options);
  }

  /**
   * For callers that build their own engines ({@code tripline coverage}): the OPA evaluator for
   * {@code --engine opa}, with {@code threads} + 1 requests in flight, or null for the embedded engine.
   */
  public RecordEvaluator remoteEvaluator(RuleLibrary library, int threads) throws DetectionException {
    if (engine == Engine.embedded) {
      return null;
    }
    if (opa == null) {
      opa = new OpaEvaluator(library, OpaSettings.defaults(OpaSettings.parseUrl(url())).concurrency(threads + 1));
    }
    return opa;
  }

  @Override
  public void close() {
    if (opa != null) {
      opa.close();
    }
  }
}
