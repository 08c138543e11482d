package io.tripline.core.detect.opa;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * How Tripline talks to an OPA server: its base URL ({@code http://127.0.0.1:8181}, no
 * {@code /v1}), connect and request timeouts, attempts per request (retries back off from
 * {@code backoff}, doubling, on connection errors and HTTP 5xx), requests in flight at most, and
 * records per request.
 */
public record OpaSettings(URI url, Duration connectTimeout, Duration requestTimeout, int attempts, Duration backoff,
    int concurrency, int batchSize) {

  public static OpaSettings defaults(URI url) {
    return new OpaSettings(url, Duration.ofSeconds(5), Duration.ofSeconds(60), 4, Duration.ofMillis(200), 8, 256);
  }

  public OpaSettings concurrency(int n) {
    return new OpaSettings(url, connectTimeout, requestTimeout, attempts, backoff, Math.max(1, n), batchSize);
  }

  public OpaSettings retries(int attempts, Duration backoff) {
    return new OpaSettings(url, connectTimeout, requestTimeout, Math.max(1, attempts), backoff, concurrency, batchSize);
  }

  public OpaSettings timeouts(Duration connect, Duration request) {
    return new OpaSettings(url, connect, request, attempts, backoff, concurrency, batchSize);
  }

  public OpaSettings batchSize(int n) {
    return new OpaSettings(url, connectTimeout, requestTimeout, attempts, backoff, concurrency, Math.max(1, n));
  }

  /**
   * Reads an {@code --opa-url}: http or https, a host, an optional port and path prefix; the
   * message of the {@link IllegalArgumentException} says what is wrong.
   */
  public static URI parseUrl(String text) {
    String hint = " (give OPA's base URL, e.g. http://127.0.0.1:8181)";
    if (!text.contains("://")) {
      throw new IllegalArgumentException("--opa-url " + text + " must start with http:// or https://" + hint);
    }
    URI u;
    try {
      u = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--opa-url " + text + " is not a URL: " + e.getReason() + hint);
    }
    if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
      throw new IllegalArgumentException("--opa-url " + text + " must start with http:// or https://" + hint);
    }
    if (u.getHost() == null) {
      throw new IllegalArgumentException("--opa-url " + text + " has no host" + hint);
    }
    if (u.getQuery() != null || u.getFragment() != null) {
      throw new IllegalArgumentException("--opa-url " + text + " must not have a query or fragment" + hint);
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
    if (path.endsWith("/v1") || path.contains("/v1/")) {
      throw new IllegalArgumentException("--opa-url " + text + " must be the server's base URL, without /v1/..." + hint);
    }
    return URI.create(u.getScheme() + "://" + u.getRawAuthority() + path);
  }
}
