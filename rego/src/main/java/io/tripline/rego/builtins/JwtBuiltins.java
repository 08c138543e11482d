package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** {@code io.jwt.*}: decoding, signature verification, constrained verification and signing (OPA's tokens.go). */
final class JwtBuiltins {
  private JwtBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Type object = Type.OBJECT;
    t.function("io.jwt.decode", Signature.of(Type.tupleOf(Type.OBJECT, Type.OBJECT, Type.STRING), Type.STRING), (c, a) -> decode(a, a.get(0)));
    for (String alg : List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")) {
      JwsAlgorithm algorithm = JwsAlgorithm.named(alg);
      t.function("io.jwt.verify_" + alg.toLowerCase(), Signature.of(Type.BOOLEAN, Type.STRING, Type.STRING),
          (c, a) -> BooleanValue.of(verifyWithKeys(a, algorithm)));
    }
    for (String alg : List.of("HS256", "HS384", "HS512")) {
      JwsAlgorithm algorithm = JwsAlgorithm.named(alg);
      t.function("io.jwt.verify_" + alg.toLowerCase(), Signature.of(Type.BOOLEAN, Type.STRING, Type.STRING), (c, a) -> {
        String secret = a.string(1);
        Token token = Token.split(a, a.string(0));
        byte[] sig = token.signatureBytes(a);
        return BooleanValue.of(algorithm.verify(null, secret.getBytes(StandardCharsets.UTF_8), token.signingInput(), sig));
      });
    }
    t.function("io.jwt.decode_verify", Signature.of(Type.tupleOf(Type.BOOLEAN, Type.OBJECT, Type.OBJECT), Type.STRING, Type.objectOf(Type.STRING, Type.ANY)),
        JwtBuiltins::decodeVerify);
    t.function("io.jwt.encode_sign", Signature.of(Type.STRING, object, object, object), (c, a) -> {
      a.object(0);
      a.object(1);
      a.object(2);
      return encodeSign(a, goJson(a.get(0)), goJson(a.get(1)), goJson(a.get(2)));
    });
    t.function("io.jwt.encode_sign_raw", Signature.of(Type.STRING, Type.STRING, Type.STRING, Type.STRING), (c, a) -> {
      String key = a.string(2);
      return encodeSign(a, a.string(0), a.string(1), key);
    });
  }

  /** The three dot-separated parts of a compact JWS. */
  record Token(String header, String payload, String signature) {
    static Token split(Arguments a, String jwt) {
      if (!jwt.contains(".")) {
        throw a.error("encoded JWT had no period separators");
      }
      String[] parts = jwt.split("\\.", -1);
      if (parts.length != 3) {
        throw a.error("encoded JWT must have 3 sections, found " + parts.length);
      }
      return new Token(parts[0], parts[1], parts[2]);
    }

    byte[] signingInput() {
      return (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
    }

    byte[] signatureBytes(Arguments a) {
      return base64Url(a, signature, null);
    }

    ObjectValue decodedHeader(Arguments a) {
      String h = new String(base64Url(a, header, "JWT header had invalid encoding: "), StandardCharsets.UTF_8);
      ObjectValue obj = jsonObject(a, h, "bad JWT header: ");
      if (obj.get("enc") != null) {
        throw a.error("JWT is a JWE object, which is not supported");
      }
      return obj;
    }

    String decodedPayload(Arguments a) {
      return new String(base64Url(a, payload, "JWT payload had invalid encoding: "), StandardCharsets.UTF_8);
    }
  }

  /** OPA's base64url.decode: padding optional. */
  static byte[] base64Url(Arguments a, String s, String context) {
    String padded = s;
    if (!s.endsWith("=")) {
      switch (s.length() % 4) {
        case 2 -> padded = s + "==";
        case 3 -> padded = s + "=";
        case 1 -> throw a.error((context == null ? "" : context) + "illegal base64url string: " + s);
        default -> { }
      }
    }
    try {
      return Base64.getUrlDecoder().decode(padded);
    } catch (IllegalArgumentException e) {
      throw a.error((context == null ? "" : context) + "illegal base64 data at input byte 0");
    }
  }

  static ObjectValue jsonObject(Arguments a, String json, String context) {
    Value v;
    try {
      v = ValueJson.parseJson(json);
    } catch (IllegalArgumentException e) {
      throw a.error(context + "invalid JSON: " + e.getMessage());
    }
    if (!(v instanceof ObjectValue o)) {
      throw a.error(context + "decoded JSON type was not an Object");
    }
    return o;
  }

  private static Value decode(Arguments a, Value jwt) {
    if (!(jwt instanceof StringValue s)) {
      throw a.typeError(0, "string");
    }
    Token token = Token.split(a, s.value());
    ObjectValue header = token.decodedHeader(a);
    String payload = token.decodedPayload(a);
    if (header.get("cty") instanceof StringValue cty && cty.value().equals("JWT")) {
      return decode(a, StringValue.of(payload.replaceAll("^[\"']+|[\"']+$", "")));
    }
    ObjectValue claims = jsonObject(a, payload, "");
    String sig = HexFormat.of().formatHex(base64Url(a, token.signature(), "JWT signature had invalid encoding: "));
    return ArrayValue.of(header, claims, StringValue.of(sig));
  }

  /** A key to verify with: from a certificate, a public key or a JWK (with its alg and kid). */
  record VerificationKey(String alg, String kid, java.security.Key key, byte[] secret) {}

  /** OPA's getKeysFromCertOrJWK. */
  static List<VerificationKey> keys(Arguments a, String certificate) {
    PemBlock.Decoded pem = PemBlock.decode(certificate);
    try {
      if (pem != null) {
        if (!pem.rest().isEmpty()) {
          throw a.error("extra data after a PEM certificate block");
        }
        if (pem.block().type().equals("CERTIFICATE")) {
          try {
            var cert = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem.block().bytes()));
            return List.of(new VerificationKey(null, null, cert.getPublicKey(), null));
          } catch (CertificateException e) {
            throw a.error("failed to parse a PEM certificate: x509: malformed certificate");
          }
        }
        if (pem.block().type().equals("PUBLIC KEY")) {
          try {
            return List.of(new VerificationKey(null, null, KeyMaterial.publicKey(pem.block().bytes()), null));
          } catch (GeneralSecurityException e) {
            throw a.error("failed to parse a PEM public key: " + e.getMessage());
          }
        }
        throw a.error("failed to extract a Key from the PEM certificate");
      }
      List<VerificationKey> out = new ArrayList<>();
      for (Jwk k : Jwk.parseSet(certificate)) {
        if (k.alg() != null && JwsAlgorithm.named(k.alg()) == null) {
          continue;
        }
        out.add(new VerificationKey(k.alg(), k.kid(), k.publicKey(), k.secret()));
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw a.error("failed to parse a JWK key (set): " + e.getMessage());
    }
  }

  private static boolean verifyWithKeys(Arguments a, JwsAlgorithm algorithm) {
    Token token = Token.split(a, a.string(0));
    List<VerificationKey> keys = keys(a, a.string(1));
    byte[] sig = token.signatureBytes(a);
    ObjectValue header = token.decodedHeader(a);
    String alg = header.get("alg") instanceof StringValue s ? s.value() : "";
    String kid = header.get("kid") instanceof StringValue s ? s.value() : "";
    return verify(keys, kid, alg, algorithm, token.signingInput(), sig);
  }

  /** Tries the key with the token's kid first, then every key whose alg (if any) matches the header's. */
  private static boolean verify(List<VerificationKey> keys, String kid, String headerAlg, JwsAlgorithm algorithm,
      byte[] input, byte[] sig) {
    if (!kid.isEmpty()) {
      for (VerificationKey k : keys) {
        if (kid.equals(k.kid())) {
          return algorithm != null && algorithm.verify(k.key(), k.secret(), input, sig);
        }
      }
    }
    for (VerificationKey k : keys) {
      if (k.alg() != null && !k.alg().equals(headerAlg)) {
        continue;
      }
      if (algorithm != null && algorithm.verify(k.key(), k.secret(), input, sig)) {
        return true;
      }
    }
    return false;
  }

  private static Value decodeVerify(BuiltinContext c, Arguments a) {
    ObjectValue constraints = a.object(1);
    ArrayValue unverified = ArrayValue.of(BooleanValue.FALSE, ObjectValue.EMPTY, ObjectValue.EMPTY);
    String secret = null;
    String alg = null;
    String iss = null;
    String aud = null;
    List<VerificationKey> keys = null;
    BigDecimal time = null;
    for (Map.Entry<Value, Value> e : constraints.entries()) {
      String name = e.getKey() instanceof StringValue s ? s.value() : e.getKey().toString();
      Value v = e.getValue();
      switch (name) {
        case "cert" -> {
          if (!(v instanceof StringValue s)) {
            throw a.error("cert constraint: must be a string");
          }
          keys = keys(a, s.value());
        }
        case "secret" -> secret = constraintString(a, name, v);
        case "alg" -> alg = constraintString(a, name, v);
        case "iss" -> iss = constraintString(a, name, v);
        case "aud" -> aud = constraintString(a, name, v);
        case "time" -> time = timeConstraint(a, v);
        default -> throw a.error("unknown token validation constraint: " + name);
      }
    }
    if (time == null) {
      time = BigDecimal.valueOf(c.nowNanos());
    }
    int keyCount = (keys != null ? 1 : 0) + (secret != null && !secret.isEmpty() ? 1 : 0);
    if (keyCount > 1) {
      throw a.error("duplicate key constraints");
    }
    if (keyCount < 1) {
      throw a.error("no key constraint");
    }
    Value jwt = a.get(0);
    ObjectValue header;
    String payloadText;
    while (true) {
      if (!(jwt instanceof StringValue js)) {
        throw a.typeError(0, "string");
      }
      Token token = Token.split(a, js.value());
      header = token.decodedHeader(a);
      String headerAlg = "";
      String kid = "";
      String cty = "";
      java.util.Set<String> crit = new java.util.HashSet<>();
      List<String> unknown = new ArrayList<>();
      for (Map.Entry<Value, Value> e : header.entries()) {
        String k = ((StringValue) e.getKey()).value();
        Value v = e.getValue();
        switch (k) {
          case "alg", "kid", "typ", "cty" -> {
            if (!(v instanceof StringValue s)) {
              throw a.error(k + ": must be a string");
            }
            switch (k) {
              case "alg" -> headerAlg = s.value();
              case "kid" -> kid = s.value();
              case "cty" -> cty = s.value();
              default -> { }
            }
          }
          case "crit" -> {
            if (!(v instanceof ArrayValue arr)) {
              throw a.error("crit: must be a list");
            }
            for (Value x : arr.asList()) {
              if (x instanceof StringValue s) {
                crit.add(s.value());
              }
            }
            if (crit.isEmpty()) {
              throw a.error("crit: must be a nonempty list");
            }
          }
          default -> unknown.add(k);
        }
      }
      if (headerAlg.isEmpty() || unknown.stream().anyMatch(crit::contains)) {
        return unverified;
      }
      if (alg != null && !alg.isEmpty() && !alg.equals(headerAlg)) {
        return unverified;
      }
      byte[] sig = token.signatureBytes(a);
      JwsAlgorithm algorithm = JwsAlgorithm.named(headerAlg);
      boolean ok = keys != null
          ? verify(keys, kid, headerAlg, algorithm, token.signingInput(), sig)
          : algorithm != null && algorithm.verify(null, secret.getBytes(StandardCharsets.UTF_8), token.signingInput(), sig);
      if (!ok) {
        return unverified;
      }
      payloadText = token.decodedPayload(a);
      if (cty.equalsIgnoreCase("JWT")) {
        jwt = StringValue.of(payloadText);
        continue;
      }
      break;
    }
    ObjectValue payload = jsonObject(a, payloadText, "");
    if (iss != null && !iss.isEmpty()) {
      if (!(payload.get("iss") instanceof StringValue s) || !s.value().equals(iss)) {
        return unverified;
      }
    }
    Value audClaim = payload.get("aud");
    if (audClaim != null) {
      if (!validAudience(audClaim, aud == null ? "" : aud)) {
        return unverified;
      }
    } else if (aud != null && !aud.isEmpty()) {
      return unverified;
    }
    BigDecimal nowSeconds = time.divide(BigDecimal.valueOf(1_000_000_000L));
    Value exp = payload.get("exp");
    if (exp != null) {
      if (!(exp instanceof NumberValue n)) {
        throw a.error("exp value must be a number");
      }
      if (nowSeconds.compareTo(n.toBigDecimal()) >= 0) {
        return unverified;
      }
    }
    Value nbf = payload.get("nbf");
    if (nbf != null) {
      if (!(nbf instanceof NumberValue n)) {
        throw a.error("nbf value must be a number");
      }
      if (nowSeconds.compareTo(n.toBigDecimal()) < 0) {
        return unverified;
      }
    }
    return ArrayValue.of(BooleanValue.TRUE, header, payload);
  }

  private static String constraintString(Arguments a, String name, Value v) {
    if (!(v instanceof StringValue s)) {
      throw a.error(name + " constraint: must be a string");
    }
    return s.value();
  }

  private static BigDecimal timeConstraint(Arguments a, Value v) {
    if (!(v instanceof NumberValue n)) {
      throw a.error("token time constraint: must be a number");
    }
    if (n.signum() < 0) {
      throw a.error("token time constraint: must not be negative");
    }
    return n.toBigDecimal();
  }

  private static boolean validAudience(Value aud, String wanted) {
    if (aud instanceof StringValue s) {
      return s.value().equals(wanted);
    }
    if (aud instanceof ArrayValue arr) {
      return arr.asList().stream().anyMatch(x -> x instanceof StringValue s && s.value().equals(wanted));
    }
    return false;
  }

  private static Value encodeSign(Arguments a, String headers, String payload, String jwkText) {
    List<Jwk> keys;
    try {
      keys = Jwk.parseSet(jwkText);
    } catch (GeneralSecurityException e) {
      throw a.error(e.getMessage());
    }
    if (keys.isEmpty()) {
      throw a.error("no keys found in JWK set");
    }
    Jwk key = keys.get(0);
    ObjectValue header;
    try {
      header = ValueJson.parseJson(headers) instanceof ObjectValue o ? o : ObjectValue.EMPTY;
    } catch (IllegalArgumentException e) {
      header = ObjectValue.EMPTY;
    }
    if (!(header.get("alg") instanceof StringValue algName)) {
      // Older OPA releases report a missing alg as "unsupported signature algorithm".
      throw a.error("missing or invalid 'alg' header: unsupported signature algorithm");
    }
    JwsAlgorithm algorithm = JwsAlgorithm.named(algName.value());
    if (algorithm == null) {
      throw a.error("unknown JWS algorithm: " + algName.value());
    }
    String typ = header.get("typ") instanceof StringValue s ? s.value() : null;
    if ((typ == null || typ.equals("JWT")) && !isJson(payload)) {
      throw a.error("type is JWT but payload is not JSON");
    }
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    String input = enc.encodeToString(headers.getBytes(StandardCharsets.UTF_8)) + "."
        + enc.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    try {
      byte[] sig = algorithm.sign(key.privateKey(), key.secret(), input.getBytes(StandardCharsets.US_ASCII));
      return StringValue.of(input + "." + enc.encodeToString(sig));
    } catch (GeneralSecurityException e) {
      throw a.error("failed to sign payload: " + e.getMessage());
    }
  }

  private static boolean isJson(String s) {
    try {
      ValueJson.parseJson(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** JSON as Go's encoding/json writes it: compact, keys sorted, HTML characters escaped. */
  static String goJson(Value v) {
    String s = ValueJson.write(v);
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }
}
