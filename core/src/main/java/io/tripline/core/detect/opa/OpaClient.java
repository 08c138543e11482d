package io.tripline.core.detect.opa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.detect.DetectionException;
import io.tripline.rego.Redaction;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * {@code POST /v1/data/{path}} with {@code {"input": ...}} against one OPA: HTTP/1.1 keep-alive
 * connections, at most {@link OpaSettings#concurrency()} requests in flight, timeouts, and retries
 * with doubling backoff on connection errors and HTTP 5xx (not on evaluation errors, which would
 * fail again). Every failure becomes one message naming the URL and what to check.
 */
final class OpaClient implements AutoCloseable {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final OpaSettings settings;
  private final ExecutorService executor;
  private final HttpClient http;
  private final Semaphore inFlight;

  OpaClient(OpaSettings settings) {
    this.settings = settings;
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "tripline-opa-client");
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
    this.inFlight = new Semaphore(settings.concurrency());
  }

  URI url() {
    return settings.url();
  }

  /**
   * The {@code result} of the document at {@code path} (slash-separated, e.g.
   * {@code tripline/opa/batch}) for this input, or null when OPA's answer has none (the document is
   * undefined or missing).
   */
  JsonNode post(String path, JsonNode input) throws DetectionException, OpaEvaluationException {
    URI uri = URI.create(settings.url() + "/v1/data/" + path);
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.set("input", input);
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw failure("cannot write the request for " + uri + ": " + e.getOriginalMessage(), e);
    }
    HttpRequest req = HttpRequest.newBuilder(uri)
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    String lastProblem = null;
    IOException lastIo = null;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      if (attempt > 1) {
        pause(attempt);
      }
      HttpResponse<byte[]> response;
      try {
        inFlight.acquire();
        try {
          response = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } finally {
          inFlight.release();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("interrupted while waiting for OPA at " + settings.url());
      } catch (IOException e) {
        lastIo = e;
        continue;
      }
      lastIo = null;
      int status = response.statusCode();
      JsonNode json = parse(response.body());
      if (status == 200) {
        if (json == null || !json.isObject()) {
          throw failure("OPA at " + settings.url() + " answered POST /v1/data/" + path
              + " with something that is not OPA's JSON (" + preview(response.body()) + "); check that --opa-url "
              + "is the base URL of an OPA server");
        }
        return json.get("result");
      }
      OpaError error = OpaError.parse(json);
      if (status >= 500 && error != null && error.isEvaluation()) {
        throw new OpaEvaluationException(error);
      }
      String problem = "HTTP " + status + (error != null ? " " + error.describe() : " (" + preview(response.body()) + ")");
      if (status >= 500) {
        lastProblem = problem;
        continue;
      }
      String hint = status == 404
          ? "; check that --opa-url is OPA's base URL (e.g. http://127.0.0.1:8181, without /v1)"
          : status == 401 || status == 403
              ? "; this OPA requires authentication or an authorization policy allows nothing for Tripline"
              : "";
      throw failure("OPA at " + settings.url() + " refused POST /v1/data/" + path + ": " + problem + hint);
    }
    String tries = " (tried " + settings.attempts() + " time" + (settings.attempts() == 1 ? "" : "s") + ")";
    if (lastIo != null) {
      throw failure(unreachable(lastIo, path, tries), lastIo);
    }
    throw failure("OPA at " + settings.url() + " failed POST /v1/data/" + path + ": " + lastProblem + tries
        + "; check OPA's log");
  }

  private String unreachable(IOException e, String path, String tries) {
    String url = settings.url().toString();
    if (e instanceof HttpConnectTimeoutException) {
      return "cannot reach OPA at " + url + ": no connection within " + settings.connectTimeout().toSeconds() + "s"
          + tries + "; check the host and port in --opa-url and any firewall in between";
    }
    if (e instanceof HttpTimeoutException) {
      return "OPA at " + url + " did not answer POST /v1/data/" + path + " within "
          + settings.requestTimeout().toSeconds() + "s" + tries + "; it may be overloaded (try fewer --threads)";
    }
    if (rootCause(e) instanceof UnresolvedAddressException) {
      return "cannot reach OPA at " + url + ": unknown host " + settings.url().getHost() + tries + "; check --opa-url";
    }
    String what = e instanceof ConnectException ? "connection refused"
        : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return "cannot reach OPA at " + url + ": " + what + tries + ". Is OPA running? Start it with "
        + "`opa run --server policies/src/main/resources` (or `tripline serve`), and check --opa-url";
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private void pause(int attempt) throws DetectionException {
    long millis = settings.backoff().toMillis() << Math.min(attempt - 2, 10);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted while waiting for OPA at " + settings.url());
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** Every message names OPA's URL and may quote its answer: credentials in either are redacted. */
  private static DetectionException failure(String message) {
    return new DetectionException(Redaction.redact(message));
  }

  private static DetectionException failure(String message, Throwable cause) {
    return new DetectionException(Redaction.redact(message), cause);
  }

  private static String preview(byte[] body) {
    if (body == null || body.length == 0) {
      return "an empty body";
    }
    // Redact the whole (bounded) body before cutting it, so no partial credential survives the cut.
    String all = Redaction.redact(new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.UTF_8)).strip().replaceAll("\\s+", " ");
    String s = all.substring(0, Math.min(all.length(), 120));
    return "\"" + s + (all.length() > 120 || body.length > 64 * 1024 ? "…" : "") + "\"";
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
