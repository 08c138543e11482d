package io.tripline.core.detect.opa;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tripline.rego.EvalOptions;
import io.tripline.rego.PreparedPolicy;
import io.tripline.rego.QueryResult;
import io.tripline.rego.RegoException;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * One Data API request: reads the input (POST body {@code {"input": ...}}, JSON or YAML, maybe
 * gzip; or GET {@code ?input=}), evaluates the document at the path and answers as OPA does:
 * {@code {"result": ...}}, {@code {}} when undefined, error bodies with HTTP 400 or 500.
 * Query parameters {@code pretty}, {@code metrics} and {@code strict-builtin-errors} are honoured.
 */
final class DataApiHandler implements HttpHandler {
  static final int MAX_BODY = 128 * 1024 * 1024;
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final PreparedPolicy policy;
  private final Consumer<String> log;

  DataApiHandler(PreparedPolicy policy, Consumer<String> log) {
    this.policy = policy;
    this.log = log;
  }

  /** A request the handler answers with an error body. */
  private static final class Refused extends Exception {
    final int status;
    final transient OpaError error;

    Refused(int status, OpaError error) {
      super(error.message(), null, false, false);
      this.status = status;
      this.error = error;
    }
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    long started = System.nanoTime();
    Map<String, String> params = params(ex.getRequestURI().getRawQuery());
    boolean pretty = flag(params, "pretty");
    try {
      String path = ex.getRequestURI().getRawPath();
      String method = ex.getRequestMethod();
      if (path.equals("/health") || path.equals("/health/")) {
        drain(ex);
        if (!method.equals("GET")) {
          throw new Refused(405, new OpaError(OpaError.INVALID_OPERATION, method + " /health is not supported: use GET"));
        }
        send(ex, 200, JsonNodeFactory.instance.objectNode(), pretty);
        return;
      }
      DataPath data = DataPath.parse(path);
      if (data == null) {
        drain(ex);
        throw new Refused(404, new OpaError(OpaError.RESOURCE_NOT_FOUND, "tripline serve answers GET and POST "
            + "/v1/data/{path} and GET /health, not " + path));
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Value input;
      long parseStarted = System.nanoTime();
      if (method.equals("POST")) {
        input = postInput(ex, out);
      } else if (method.equals("GET")) {
        drain(ex);
        input = getInput(params);
      } else {
        drain(ex);
        throw new Refused(405, new OpaError(OpaError.INVALID_OPERATION, method + " " + path
            + " is not supported: tripline serve is read-only (GET or POST /v1/data/{path})"));
      }
      long evalStarted = System.nanoTime();
      Value result = evaluate(data, input, params);
      long evalEnded = System.nanoTime();
      if (result != null) {
        out.set("result", ValueJson.toNode(result));
      }
      if (flag(params, "metrics")) {
        ObjectNode m = out.putObject("metrics");
        m.put("timer_rego_input_parse_ns", evalStarted - parseStarted);
        m.put("timer_rego_query_eval_ns", evalEnded - evalStarted);
        m.put("timer_server_handler_ns", System.nanoTime() - started);
      }
      send(ex, 200, out, pretty);
    } catch (Refused r) {
      send(ex, r.status, r.error.toJson(), pretty);
    } catch (RuntimeException e) {
      log.accept("tripline serve: " + ex.getRequestMethod() + " " + ex.getRequestURI() + " failed: " + e);
      send(ex, 500, new OpaError(OpaError.INTERNAL, "internal error in tripline serve: " + e).toJson(), pretty);
    } finally {
      ex.close();
    }
  }

  private Value evaluate(DataPath path, Value input, Map<String, String> params) throws Refused {
    EvalOptions options = EvalOptions.DEFAULT.strict(flag(params, "strict-builtin-errors"));
    QueryResult r;
    try {
      r = policy.evaluate(path.query(), input, options);
    } catch (RegoException e) {
      boolean compile = e.errors().stream().anyMatch(x -> x.code().startsWith("rego_"));
      OpaError err = OpaError.evaluation(e.errors());
      throw compile
          ? new Refused(400, new OpaError(OpaError.INVALID_PARAMETER, OpaError.COMPILE_QUERY_MESSAGE, err.errors()))
          : new Refused(500, err);
    }
    return r.isUndefined() ? null : r.results().get(0).expressions().get(0).value();
  }

  /** The POST body's {@code input}; without one, OPA's api_usage_warning goes on the response. */
  private static Value postInput(HttpExchange ex, ObjectNode out) throws Refused, IOException {
    byte[] body = readBody(ex);
    JsonNode request = null;
    if (body.length > 0) {
      String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
      try {
        request = (type.contains("yaml") ? YAML : JSON).readTree(body);
      } catch (IOException e) {
        throw malformed("body", e);
      }
      if (request != null && !request.isObject() && !request.isMissingNode()) {
        throw new Refused(400, new OpaError(OpaError.INVALID_PARAMETER,
            "body contains malformed input document: expected an object {\"input\": ...}, not a "
                + request.getNodeType().name().toLowerCase()));
      }
    }
    JsonNode input = request == null ? null : request.get("input");
    if (input == null || input.isNull()) {
      ObjectNode w = out.putObject("warning");
      w.put("code", "api_usage_warning");
      w.put("message", "'input' key missing from the request");
      return null;
    }
    return ValueJson.fromNode(input);
  }

  private static Value getInput(Map<String, String> params) throws Refused {
    String text = params.get("input");
    if (text == null) {
      return null;
    }
    try {
      return ValueJson.fromNode(JSON.readTree(text));
    } catch (IOException e) {
      throw malformed("parameter", e);
    }
  }

  private static Refused malformed(String where, IOException e) {
    String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return new Refused(400, new OpaError(OpaError.INVALID_PARAMETER,
        where + " contains malformed input document: " + why));
  }

  private static byte[] readBody(HttpExchange ex) throws IOException, Refused {
    InputStream in = ex.getRequestBody();
    if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    byte[] body = in.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      drain(ex);
      throw new Refused(400, new OpaError(OpaError.INVALID_PARAMETER, "request body too large"));
    }
    return body;
  }

  private static void drain(HttpExchange ex) throws IOException {
    ex.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
  }

  private static void send(HttpExchange ex, int status, JsonNode body, boolean pretty) throws IOException {
    byte[] bytes = (pretty ? JSON.writerWithDefaultPrettyPrinter() : JSON.writer()).writeValueAsBytes(body);
    byte[] withNewline = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, withNewline, 0, bytes.length);
    withNewline[bytes.length] = '\n';
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, withNewline.length);
    ex.getResponseBody().write(withNewline);
  }

  /** Query parameters, decoded as Go's url.ParseQuery does ({@code +} is a space); the first value wins. */
  static Map<String, String> params(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }

  /** OPA's boolean parameters: present without a value, or {@code true}. */
  private static boolean flag(Map<String, String> params, String name) {
    String v = params.get(name);
    return v != null && (v.isEmpty() || v.equalsIgnoreCase("true"));
  }
}
