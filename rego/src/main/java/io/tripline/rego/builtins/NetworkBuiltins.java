package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code http.send} and {@code net.lookup_ip_addr}: registered with OPA's signatures so policies
 * compile, but refused unless the evaluation allows network access ({@link BuiltinContext#allowNet}).
 *
 * <p>OPA shows two behaviours when capabilities forbid a network builtin: a capabilities file
 * that leaves the builtin out fails compilation with {@code rego_type_error: undefined function
 * http.send}; one that lists it with {@code allow_net: []} compiles and fails at run time with
 * {@code eval_builtin_error: http.send: unallowed host: example.com}. Tripline compiles against one
 * builtin table and decides network access per evaluation ({@code --allow-net}), which is OPA's
 * second case, so that is the error given here.
 */
final class NetworkBuiltins {
  private NetworkBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("http.send", Signature.of(Type.objectOf(Type.ANY, Type.ANY), Type.objectOf(Type.STRING, Type.ANY)),
        NetworkBuiltins::send);
    t.function("net.lookup_ip_addr", Signature.of(Type.setOf(Type.STRING), Type.STRING), (c, a) -> {
      String name = a.string(0);
      if (!c.allowNet()) {
        throw a.error("unallowed host: " + name);
      }
      try {
        List<Value> out = new ArrayList<>();
        for (InetAddress addr : InetAddress.getAllByName(name)) {
          out.add(StringValue.of(new IpAddress(addr.getAddress()).toString()));
        }
        return SetValue.of(out);
      } catch (UnknownHostException e) {
        throw a.error("lookup " + name + ": no such host");
      }
    });
  }

  private static Value send(BuiltinContext c, Arguments a) {
    ObjectValue req = a.object(0);
    List<String> missing = new ArrayList<>();
    for (String key : List.of("method", "url")) {
      if (req.get(key) == null) {
        missing.add(StringValue.of(key).toString());
      }
    }
    if (!missing.isEmpty()) {
      // OPA's operand check: eval_type_error, the keys printed as a Rego set
      throw OperandError.of(a, 0, "missing required request parameters(s): {" + String.join(", ", missing) + "}");
    }
    String url = req.get("url") instanceof StringValue s ? s.value() : null;
    String method = req.get("method") instanceof StringValue s ? s.value().toUpperCase() : null;
    if (url == null || method == null) {
      throw a.typeError(0, "object with string url and method");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw a.error("parse \"" + url + "\": " + e.getMessage());
    }
    if (!c.allowNet()) {
      throw a.error("unallowed host: " + (uri.getHost() == null ? "" : uri.getHost()));
    }
    boolean raise = !(req.get("raise_error") instanceof BooleanValue b) || b.booleanValue();
    try {
      return execute(req, uri, method);
    } catch (IOException | IllegalArgumentException e) {
      if (raise) {
        throw a.error(method + " " + url + ": " + e.getMessage());
      }
      return ObjectValue.builder().put("status_code", NumberValue.ZERO)
          .put("error", ObjectValue.builder().put("message", StringValue.of(String.valueOf(e.getMessage()))).build())
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw a.error(method + " " + url + ": interrupted");
    }
  }

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"),
      Map.entry(204, "No Content"), Map.entry(206, "Partial Content"), Map.entry(301, "Moved Permanently"),
      Map.entry(302, "Found"), Map.entry(303, "See Other"), Map.entry(304, "Not Modified"),
      Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
      Map.entry(412, "Precondition Failed"), Map.entry(415, "Unsupported Media Type"),
      Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  /** Go's resp.Status: the code and its reason phrase ("200 OK"). */
  static String status(int code) {
    String reason = REASONS.get(code);
    return reason == null ? Integer.toString(code) : code + " " + reason;
  }

  private static Value execute(ObjectValue req, URI uri, String method) throws IOException, InterruptedException {
    Duration timeout = Duration.ofSeconds(5);
    if (req.get("timeout") instanceof NumberValue n) {
      timeout = Duration.ofNanos(n.longValue());
    }
    boolean redirect = req.get("enable_redirect") instanceof BooleanValue b && b.booleanValue();
    HttpClient client = HttpClient.newBuilder()
        .followRedirects(redirect ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
        .connectTimeout(timeout)
        .build();
    String body = "";
    if (req.get("raw_body") instanceof StringValue raw) {
      body = raw.value();
    } else if (req.get("body") != null && !(req.get("body") instanceof NullValue)) {
      body = ValueJson.write(req.get("body"));
    }
    HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout)
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (req.get("headers") instanceof ObjectValue headers) {
      for (Map.Entry<Value, Value> e : headers.entries()) {
        if (e.getKey() instanceof StringValue k && e.getValue() instanceof StringValue v) {
          rb.header(k.value(), v.value());
        }
      }
    }
    HttpResponse<String> resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofString());
    ObjectValue.Builder headers = ObjectValue.builder();
    resp.headers().map().forEach((k, vs) -> headers.put(k.toLowerCase(),
        ArrayValue.of(vs.stream().map(v -> (Value) StringValue.of(v)).toList())));
    Value parsed = NullValue.NULL;
    boolean json = resp.headers().firstValue("content-type").map(ct -> ct.contains("json")).orElse(false)
        || req.get("force_json_decode") instanceof BooleanValue f && f.booleanValue();
    if (json) {
      try {
        parsed = ValueJson.parseJson(resp.body());
      } catch (IllegalArgumentException notJson) {
        parsed = NullValue.NULL;
      }
    }
    return ObjectValue.builder()
        .put("status", StringValue.of(status(resp.statusCode())))
        .put("status_code", NumberValue.of(resp.statusCode()))
        .put("headers", headers.build())
        .put("raw_body", StringValue.of(resp.body()))
        .put("body", parsed)
        .build();
  }
}
