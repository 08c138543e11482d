package io.tripline.core.detect.opa;

import com.sun.net.httpserver.HttpServer;
import io.tripline.rego.PreparedPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded engine behind OPA's REST Data API: {@code GET}/{@code POST /v1/data/{path}} (same
 * request and response bodies and error shapes as OPA) and {@code GET /health}. Read-only; a
 * bounded pool of worker threads; keep-alive connections. What it serves is readable by anyone
 * who can reach the address, so callers bind to loopback unless told otherwise.
 */
public final class DataApiServer implements AutoCloseable {
  private static final String NODELAY = "sun.net.httpserver.nodelay";
  private final HttpServer server;
  private final ThreadPoolExecutor workers;

  private DataApiServer(HttpServer server, ThreadPoolExecutor workers) {
    this.server = server;
    this.workers = workers;
  }

  /**
   * Binds and starts serving; port 0 picks a free port. {@code log} receives one line per request
   * that failed inside the server (a bug, not a policy error).
   */
  public static DataApiServer start(PreparedPolicy policy, InetSocketAddress address, int threads, Consumer<String> log)
      throws IOException {
    // Without TCP_NODELAY, a response's body waits for the ACK of its headers: 40 ms per request.
    // The JDK server reads this once, when it first starts; a value set by the user wins.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    HttpServer server = HttpServer.create(address, 128);
    int n = Math.max(1, threads);
    ThreadPoolExecutor workers = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), r -> {
      Thread t = new Thread(r, "tripline-serve");
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.CallerRunsPolicy());
    DataApiHandler handler = new DataApiHandler(policy, log);
    server.createContext("/", handler);
    server.setExecutor(workers);
    server.start();
    return new DataApiServer(server, workers);
  }

  /** The address bound (with the port chosen when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** {@code http://host:port}, what {@code --opa-url} takes. */
  public URI url() {
    InetSocketAddress a = address();
    String host = a.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
  }

  /** Stops accepting, lets requests in progress finish (up to two seconds), stops the workers. */
  @Override
  public void close() {
    server.stop(2);
    workers.shutdown();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
  }
}
