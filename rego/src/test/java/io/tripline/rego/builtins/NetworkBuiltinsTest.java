package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetworkBuiltinsTest {
  private HttpServer server;
  private String url;

  private final FixedContext allowed = FixedContext.withNetwork();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/policy", exchange -> {
      byte[] body = ("{\"method\":\"" + exchange.getRequestMethod() + "\",\"auth\":\""
          + exchange.getRequestHeaders().getFirst("Authorization") + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/policy";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void sendsWhenTheEvaluationAllowsNetwork() {
    ObjectValue resp = (ObjectValue) allowed.call("http.send",
        "{\"method\":\"get\",\"url\":\"" + url + "\",\"headers\":{\"Authorization\":\"Bearer t\"}}");
    assertThat(resp.get("status_code")).isEqualTo(NumberValue.of(200));
    assertThat(resp.get("status")).isEqualTo(StringValue.of("200 OK"));
    assertThat(resp.get("body")).isEqualTo(json("{\"method\":\"GET\",\"auth\":\"Bearer t\"}"));
    assertThat(((ObjectValue) resp.get("headers")).get("content-type")).isEqualTo(json("[\"application/json\"]"));
  }

  @Test
  void refusesWithoutNetworkAccessBeforeConnecting() {
    assertThatThrownBy(() -> new FixedContext().call("http.send", "{\"method\":\"get\",\"url\":\"" + url + "\"}"))
        .hasMessage("http.send: unallowed host: 127.0.0.1");
  }

  @Test
  void reportsConnectionFailuresAsErrorsOrResponses() {
    server.stop(0);
    assertThatThrownBy(() -> allowed.call("http.send", "{\"method\":\"get\",\"url\":\"" + url + "\"}"))
        .isInstanceOf(BuiltinException.class).hasMessageStartingWith("http.send: GET " + url);
    ObjectValue resp = (ObjectValue) allowed.call("http.send",
        "{\"method\":\"get\",\"url\":\"" + url + "\",\"raise_error\":false}");
    assertThat(resp.get("status_code")).isEqualTo(NumberValue.ZERO);
    assertThatThrownBy(() -> allowed.call("http.send", "{\"url\":\"" + url + "\"}"))
        .hasMessage("http.send: operand 1 missing required request parameters(s): {\"method\"}")
        .satisfies(e -> assertThat(((BuiltinException) e).code()).isEqualTo("eval_type_error"));
    assertThatThrownBy(() -> new FixedContext().call("http.send", "{}"))
        .hasMessage("http.send: operand 1 missing required request parameters(s): {\"method\", \"url\"}");
  }

  @Test
  void looksUpLiteralAddressesWithoutDns() {
    Value v = allowed.callValues("net.lookup_ip_addr", List.of(StringValue.of("127.0.0.1")));
    assertThat(v).isEqualTo(SetValue.of(StringValue.of("127.0.0.1")));
  }
}
