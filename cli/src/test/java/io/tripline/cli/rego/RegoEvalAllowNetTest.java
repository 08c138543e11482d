package io.tripline.cli.rego;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tripline rego eval --allow-net} lets http.send reach a server; without it the call is refused. */
class RegoEvalAllowNetTest {
  private HttpServer server;
  private String query;
  private final StringWriter out = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/status", exchange -> {
      byte[] body = "{\"healthy\":true}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(body);
      }
    });
    server.start();
    query = "x := http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:"
        + server.getAddress().getPort() + "/status\"}).body.healthy";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private JsonNode run(String... args) throws IOException {
    CommandLine cmd = new CommandLine(new RegoEvalCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(new StringWriter()));
    cmd.execute(args);
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void allowNetReachesTheServer() throws IOException {
    JsonNode json = run("--allow-net", query);
    assertThat(json.at("/result/0/bindings/x").asBoolean()).isTrue();
  }

  @Test
  void withoutAllowNetTheCallIsRefused() throws IOException {
    JsonNode json = run("--strict-builtin-errors", query);
    assertThat(json.at("/errors/0/message").asText()).isEqualTo("http.send: unallowed host: 127.0.0.1");
  }
}
