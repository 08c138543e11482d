package io.tripline.rego;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tripline.rego.value.ValueJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code EvalOptions.allowNet} reaches the builtins of the evaluation; without it network builtins are refused. */
class AllowNetOptionTest {
  private HttpServer server;
  private String url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ok", exchange -> {
      byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ok";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String query() {
    return "x := http.send({\"method\": \"get\", \"url\": \"" + url + "\"}).body.ok";
  }

  @Test
  void allowedEvaluationsReachTheNetwork() {
    PreparedPolicy p = RegoFixture.policy();
    QueryResult r = p.evaluate(query(), null, EvalOptions.DEFAULT.allowNet(true));
    assertThat(ValueJson.write(r.results().get(0).bindings().get("x"))).isEqualTo("true");
  }

  @Test
  void byDefaultNetworkBuiltinsAreRefused() {
    PreparedPolicy p = RegoFixture.policy();
    assertThat(p.evaluate(query(), null, EvalOptions.DEFAULT).isUndefined()).isTrue();
    assertThat(RegoFixture.error(() -> p.evaluate(query(), null, EvalOptions.DEFAULT.strict(true))))
        .contains("http.send: unallowed host: 127.0.0.1");
    assertThat(RegoFixture.error(() -> p.evaluate("x := net.lookup_ip_addr(\"localhost\")", null,
        EvalOptions.DEFAULT.strict(true)))).contains("unallowed host: localhost");
  }
}
