package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A JSON Web Key (RFC 7517): its algorithm and key id when given, and the JDK key it describes
 * (public and/or private key, or the secret of an "oct" key).
 */
record Jwk(String alg, String kid, Key publicKey, Key privateKey, byte[] secret) {

  /** A JWK or a JWK set ({"keys": [...]}); throws with a message when it is neither. */
  static List<Jwk> parseSet(String json) throws GeneralSecurityException {
    Value v;
    try {
      v = ValueJson.parseJson(json);
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("failed to unmarshal JSON into key (" + e.getMessage() + ")");
    }
    if (!(v instanceof ObjectValue o)) {
      throw new GeneralSecurityException("failed to unmarshal JSON into key");
    }
    List<Jwk> out = new ArrayList<>();
    if (o.get("keys") instanceof ArrayValue keys) {
      for (Value k : keys.asList()) {
        if (k instanceof ObjectValue ko) {
          out.add(of(ko));
        }
      }
      return out;
    }
    out.add(of(o));
    return out;
  }

  static Jwk of(ObjectValue o) throws GeneralSecurityException {
    String kty = text(o, "kty");
    String alg = text(o, "alg");
    String kid = text(o, "kid");
    if (kty == null) {
      throw new GeneralSecurityException("invalid key type from JSON ()");
    }
    switch (kty) {
      case "oct": {
        byte[] k = bytes(o, "k");
        if (k == null) {
          throw new GeneralSecurityException("required field k is missing");
        }
        return new Jwk(alg, kid, null, null, k);
      }
      case "RSA": {
        BigInteger n = number(o, "n");
        BigInteger e = number(o, "e");
        if (n == null || e == null) {
          throw new GeneralSecurityException("required field n or e is missing");
        }
        KeyFactory f = KeyFactory.getInstance("RSA");
        Key pub = f.generatePublic(new RSAPublicKeySpec(n, e));
        Key priv = null;
        BigInteger d = number(o, "d");
        if (d != null) {
          BigInteger p = number(o, "p");
          BigInteger q = number(o, "q");
          BigInteger dp = number(o, "dp");
          BigInteger dq = number(o, "dq");
          BigInteger qi = number(o, "qi");
          priv = p != null && q != null && dp != null && dq != null && qi != null
              ? f.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qi))
              : f.generatePrivate(new RSAPrivateKeySpec(n, d));
        }
        return new Jwk(alg, kid, pub, priv, null);
      }
      case "EC": {
        String crv = KeyMaterial.CURVE_BY_JWK.get(String.valueOf(text(o, "crv")));
        if (crv == null) {
          throw new GeneralSecurityException("invalid curve name " + text(o, "crv"));
        }
        BigInteger x = number(o, "x");
        BigInteger y = number(o, "y");
        BigInteger d = number(o, "d");
        Key pub = x != null && y != null ? KeyMaterial.ecPublic(crv, x, y) : null;
        Key priv = d != null ? KeyMaterial.ecPrivate(crv, d) : null;
        return new Jwk(alg, kid, pub, priv, null);
      }
      case "OKP": {
        if (!"Ed25519".equals(text(o, "crv"))) {
          throw new GeneralSecurityException("unsupported curve " + text(o, "crv"));
        }
        byte[] x = bytes(o, "x");
        byte[] d = bytes(o, "d");
        return new Jwk(alg, kid, x == null ? null : KeyMaterial.ed25519Public(x),
            d == null ? null : KeyMaterial.ed25519Private(d), null);
      }
      default:
        throw new GeneralSecurityException("invalid key type from JSON (" + kty + ")");
    }
  }

  private static String text(ObjectValue o, String name) {
    return o.get(name) instanceof StringValue s ? s.value() : null;
  }

  private static byte[] bytes(ObjectValue o, String name) throws GeneralSecurityException {
    String s = text(o, name);
    if (s == null) {
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(s.replace("=", ""));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("failed to decode field " + name + ": " + e.getMessage());
    }
  }

  private static BigInteger number(ObjectValue o, String name) throws GeneralSecurityException {
    byte[] b = bytes(o, name);
    return b == null ? null : new BigInteger(1, b);
  }
}
