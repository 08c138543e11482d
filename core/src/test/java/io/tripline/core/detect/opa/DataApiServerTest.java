package io.tripline.core.detect.opa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tripline.rego.Rego;
import io.tripline.rego.value.ObjectValue;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code tripline serve}'s server answers as OPA's REST API reference says. */
class DataApiServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static DataApiServer server;
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    String policy = """
        package opa.examples

        import rego.v1

        allow_request if input.example.flag == true

        conflict := 1
        conflict := 2 if input.boom

        servers := [{"id": "s1"}, {"id": "s2"}]
        """;
    server = DataApiServer.start(Rego.compile(Map.of("examples.rego", policy), ObjectValue.EMPTY),
        new InetSocketAddress("127.0.0.1", 0), 2, m -> {});
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Answer(int status, JsonNode body) {}

  static Answer send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    return new Answer(r.statusCode(), JSON.readTree(r.body()));
  }

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void bindsToAnEphemeralLoopbackPort() {
    assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    assertThat(server.address().getPort()).isPositive();
    assertThat(server.url().toString()).startsWith("http://127.0.0.1:");
  }

  @Test
  void healthIsAnEmptyObject() throws Exception {
    assertThat(send("GET", "/health", null)).isEqualTo(new Answer(200, json("{}")));
  }

  @Test
  void postWithInputAnswersTheResult() throws Exception {
    assertThat(send("POST", "/v1/data/opa/examples/allow_request", "{\"input\": {\"example\": {\"flag\": true}}}"))
        .isEqualTo(new Answer(200, json("{\"result\": true}")));
  }

  @Test
  void anUndefinedDocumentHasNoResult() throws Exception {
    assertThat(send("POST", "/v1/data/opa/examples/allow_request", "{\"input\": {\"example\": {\"flag\": false}}}"))
        .isEqualTo(new Answer(200, json("{}")));
    assertThat(send("GET", "/v1/data/does/not/exist", null)).isEqualTo(new Answer(200, json("{}")));
  }

  @Test
  void getTakesTheInputAsAParameterAndPathSegmentsIndexArrays() throws Exception {
    String input = URLEncoder.encode("{\"example\": {\"flag\": true}}", StandardCharsets.UTF_8);
    assertThat(send("GET", "/v1/data/opa/examples/allow_request?input=" + input, null))
        .isEqualTo(new Answer(200, json("{\"result\": true}")));
    assertThat(send("GET", "/v1/data/opa/examples/servers/1/id", null))
        .isEqualTo(new Answer(200, json("{\"result\": \"s2\"}")));
  }

  @Test
  void theRootIsEveryDocument() throws Exception {
    Answer a = send("GET", "/v1/data", null);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().path("result").path("opa").path("examples").path("servers").get(1).path("id").asText()).isEqualTo("s2");
  }

  @Test
  void aPostWithoutInputWarnsAsOpaDoes() throws Exception {
    assertThat(send("POST", "/v1/data/opa/examples/servers/0", null)).isEqualTo(new Answer(200, json("""
        {"result": {"id": "s1"}, "warning": {"code": "api_usage_warning", "message": "'input' key missing from the request"}}""")));
  }

  @Test
  void malformedInputIsABadRequest() throws Exception {
    Answer a = send("POST", "/v1/data/opa/examples/allow_request", "{\"input\": @}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().path("code").asText()).isEqualTo("invalid_parameter");
    assertThat(a.body().path("message").asText()).startsWith("body contains malformed input document: ");
    Answer g = send("GET", "/v1/data/opa/examples/allow_request?input=%7B%22foo", null);
    assertThat(g.status()).isEqualTo(400);
    assertThat(g.body().path("message").asText()).startsWith("parameter contains malformed input document: ");
  }

  @Test
  void anEvaluationErrorIsA500WithEachErrorAndItsLocation() throws Exception {
    Answer a = send("POST", "/v1/data/opa/examples/conflict", "{\"input\": {\"boom\": true}}");
    assertThat(a.status()).isEqualTo(500);
    assertThat(a.body().path("code").asText()).isEqualTo("internal_error");
    assertThat(a.body().path("message").asText()).isEqualTo("error(s) occurred while evaluating query");
    JsonNode e = a.body().path("errors").get(0);
    assertThat(e.path("code").asText()).isEqualTo("eval_conflict_error");
    assertThat(e.path("location").path("file").asText()).isEqualTo("examples.rego");
    assertThat(e.path("location").path("row").asInt()).isPositive();
    // what the OPA client reads back from it
    OpaError read = OpaError.parse(a.body());
    assertThat(read.isEvaluation()).isTrue();
    assertThat(read.details()).startsWith("examples.rego:").contains(": eval_conflict_error: ");
  }

  @Test
  void metricsAndPrettyAreHonoured() throws Exception {
    Answer a = send("POST", "/v1/data/opa/examples/allow_request?metrics=true&pretty", "{\"input\": {\"example\": {\"flag\": true}}}");
    assertThat(a.body().path("result").asBoolean()).isTrue();
    assertThat(a.body().path("metrics").path("timer_rego_query_eval_ns").asLong()).isPositive();
  }

  @Test
  void writesAndOtherApisAreRefused() throws Exception {
    Answer put = send("PUT", "/v1/data/opa/examples/x", "1");
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.body().path("message").asText()).contains("read-only");
    Answer other = send("GET", "/v1/policies", null);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body().path("code").asText()).isEqualTo("resource_not_found");
  }
}
