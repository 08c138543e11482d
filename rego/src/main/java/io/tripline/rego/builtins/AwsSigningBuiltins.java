package io.tripline.rego.builtins;

import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueText;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code providers.aws.sign_req}: AWS Signature Version 4 by the Authorization header, computed as
 * OPA's internal/providers/aws does (method and path as given, s3/glacier content hash header,
 * session token header, optional unsigned payload).
 */
final class AwsSigningBuiltins {
  private static final List<String> REQUIRED = List.of("aws_access_key", "aws_region", "aws_secret_access_key", "aws_service");
  private static final Set<String> IGNORED_HEADERS = Set.of("authorization", "user-agent", "x-amzn-trace-id");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private AwsSigningBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Type object = Type.objectOf(Type.STRING, Type.ANY);
    t.function("providers.aws.sign_req", Signature.of(Type.objectOf(Type.ANY, Type.ANY), object, object, Type.NUMBER),
        AwsSigningBuiltins::sign);
  }

  private static Value sign(BuiltinContext c, Arguments a) {
    ObjectValue req = a.object(0);
    ObjectValue config = a.object(1);
    List<Value> missing = new ArrayList<>();
    List<Value> invalid = new ArrayList<>();
    for (String k : REQUIRED) {
      Value v = config.get(k);
      if (v == null) {
        missing.add(StringValue.of(k));
      } else if (!(v instanceof StringValue)) {
        invalid.add(StringValue.of(k));
      }
    }
    if (!missing.isEmpty()) {
      throw operandError(a, 2, "missing required AWS config parameters(s): " + ValueText.of(SetValue.of(missing)));
    }
    if (!invalid.isEmpty()) {
      throw operandError(a, 2, "invalid values for required AWS config parameters(s): " + ValueText.of(SetValue.of(invalid)));
    }
    NumberValue ns = a.number(2);
    if (!ns.isInteger() || ns.toBigInteger().bitLength() > 63) {
      throw operandError(a, 3, "could not convert time_ns value into a unix timestamp");
    }
    List<Value> missingReq = new ArrayList<>();
    for (String k : List.of("method", "url")) {
      if (req.get(k) == null) {
        missingReq.add(StringValue.of(k));
      }
    }
    if (!missingReq.isEmpty()) {
      throw operandError(a, 1, "missing required request parameters(s): " + ValueText.of(SetValue.of(missingReq)));
    }
    ObjectValue headers = ObjectValue.EMPTY;
    if (req.get("headers") != null) {
      if (!(req.get("headers") instanceof ObjectValue h)) {
        throw BuiltinException.operandType(a.builtin(), 0, "object", req.get("headers").typeName());
      }
      headers = h;
    }
    List<Value> badReq = new ArrayList<>();
    if (!(req.get("url") instanceof StringValue)) {
      badReq.add(StringValue.of("url"));
    }
    if (!(req.get("method") instanceof StringValue)) {
      badReq.add(StringValue.of("method"));
    }
    if (!badReq.isEmpty()) {
      throw operandError(a, 1, "invalid values for required request parameters(s): " + ValueText.of(SetValue.of(badReq)));
    }
    URI url;
    try {
      url = new URI(((StringValue) req.get("url")).value());
    } catch (URISyntaxException e) {
      throw a.error("parse \"" + ((StringValue) req.get("url")).value() + "\": " + e.getReason());
    }
    String method = ((StringValue) req.get("method")).value();
    boolean unsigned = false;
    if (config.get("disable_payload_signing") != null) {
      if (!(config.get("disable_payload_signing") instanceof BooleanValue b)) {
        throw operandError(a, 2, "invalid value for 'disable_payload_signing' in AWS config");
      }
      unsigned = b.booleanValue();
    }
    String body = "";
    if (req.get("raw_body") != null) {
      body = req.get("raw_body") instanceof StringValue s ? s.value() : "";
    } else if (req.get("body") != null) {
      body = JwtBuiltins.goJson(req.get("body"));
    }
    Map<String, String> given = new TreeMap<>();
    for (Map.Entry<Value, Value> e : headers.entries()) {
      given.put(text(e.getKey()), text(e.getValue()));
    }
    String service = text(config.get("aws_service"));
    String region = text(config.get("aws_region"));
    String token = config.get("aws_session_token") == null ? "" : text(config.get("aws_session_token"));
    Instant when = Instant.ofEpochSecond(0, ns.toBigInteger().longValue());
    String day = DAY.format(when);
    String stamp = STAMP.format(when);
    String contentHash = unsigned ? "UNSIGNED-PAYLOAD" : hex(sha256(body.getBytes(StandardCharsets.UTF_8)));

    Map<String, String> awsHeaders = new TreeMap<>();
    awsHeaders.put("host", host(url));
    awsHeaders.put("x-amz-date", stamp);
    if (service.equals("s3") || service.equals("glacier")) {
      awsHeaders.put("x-amz-content-sha256", contentHash);
    }
    if (!token.isEmpty()) {
      awsHeaders.put("x-amz-security-token", token);
    }
    TreeMap<String, String> toSign = new TreeMap<>(awsHeaders);
    given.forEach((k, v) -> {
      String lower = k.toLowerCase();
      if (!IGNORED_HEADERS.contains(lower)) {
        toSign.put(lower, v);
      }
    });
    StringBuilder canonical = new StringBuilder()
        .append(method).append('\n')
        .append(url.getRawPath() == null ? "" : url.getRawPath()).append('\n')
        .append(url.getRawQuery() == null ? "" : url.getRawQuery()).append('\n');
    toSign.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
    canonical.append('\n');
    String signedHeaders = String.join(";", toSign.keySet());
    canonical.append(signedHeaders).append('\n').append(contentHash);
    String scope = day + "/" + region + "/" + service + "/aws4_request";
    String toSignText = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n"
        + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = mac(("AWS4" + text(config.get("aws_secret_access_key"))).getBytes(StandardCharsets.UTF_8), day);
    key = mac(key, region);
    key = mac(key, service);
    key = mac(key, "aws4_request");
    String signature = hex(mac(key, toSignText));
    String auth = "AWS4-HMAC-SHA256 Credential=" + text(config.get("aws_access_key")) + "/" + scope
        + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature;

    ObjectValue.Builder out = ObjectValue.builder();
    given.forEach((k, v) -> out.put(k, StringValue.of(v)));
    out.put("Authorization", StringValue.of(auth));
    awsHeaders.forEach((k, v) -> out.put(k, StringValue.of(v)));
    return req.with(StringValue.of("headers"), out.build());
  }

  private static BuiltinException operandError(Arguments a, int position, String message) {
    return new BuiltinException(BuiltinException.TYPE_ERROR, a.builtin() + ": operand " + position + " " + message);
  }

  private static String text(Value v) {
    return v instanceof StringValue s ? s.value() : "";
  }

  /** Go's URL.Host: host and port, without user info. */
  private static String host(URI url) {
    if (url.getHost() == null) {
      return url.getRawAuthority() == null ? "" : url.getRawAuthority().replaceFirst("^.*@", "");
    }
    return url.getPort() >= 0 ? url.getHost() + ":" + url.getPort() : url.getHost();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] mac(byte[] key, String data) {
    return HashBuiltins.mac("HmacSHA256", key, data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
