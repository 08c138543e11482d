package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Values shaped as Go's encoding/json writes crypto/x509 and crypto key structs: []byte as
 * base64, big integers as numbers, nil slices as null, pkix.Name with its attribute lists.
 */
final class GoX509Json {
  static final Map<String, Integer> SIGNATURE_ALGORITHMS = Map.ofEntries(
      Map.entry("1.2.840.113549.1.1.2", 1), Map.entry("1.2.840.113549.1.1.4", 2), Map.entry("1.2.840.113549.1.1.5", 3),
      Map.entry("1.2.840.113549.1.1.11", 4), Map.entry("1.2.840.113549.1.1.12", 5), Map.entry("1.2.840.113549.1.1.13", 6),
      Map.entry("1.2.840.10040.4.3", 7), Map.entry("2.16.840.1.101.3.4.3.2", 8), Map.entry("1.2.840.10045.4.1", 9),
      Map.entry("1.2.840.10045.4.3.2", 10), Map.entry("1.2.840.10045.4.3.3", 11), Map.entry("1.2.840.10045.4.3.4", 12),
      Map.entry("1.3.101.112", 16));
  static final Map<String, Integer> PSS_BY_HASH = Map.of(
      "2.16.840.1.101.3.4.2.1", 13, "2.16.840.1.101.3.4.2.2", 14, "2.16.840.1.101.3.4.2.3", 15);
  static final Map<String, Integer> PUBLIC_KEY_ALGORITHMS = Map.of(
      "1.2.840.113549.1.1.1", 1, "1.2.840.10040.4.1", 2, "1.2.840.10045.2.1", 3, "1.3.101.112", 4);
  private static final Map<String, String> NAME_FIELDS = Map.of(
      "2.5.4.6", "Country", "2.5.4.10", "Organization", "2.5.4.11", "OrganizationalUnit", "2.5.4.7", "Locality",
      "2.5.4.8", "Province", "2.5.4.9", "StreetAddress", "2.5.4.17", "PostalCode");

  private GoX509Json() {}

  static Value bytes(byte[] b) {
    return b == null ? NullValue.NULL : StringValue.of(Base64.getEncoder().encodeToString(b));
  }

  static Value strings(List<String> s) {
    return s.isEmpty() ? NullValue.NULL : ArrayValue.of(s.stream().map(x -> (Value) StringValue.of(x)).toList());
  }

  static Value big(BigInteger n) {
    return NumberValue.of(n);
  }

  static ArrayValue oidArcs(Der oid) {
    return ArrayValue.of(oid.oidArcs().stream().map(a -> (Value) NumberValue.of(a)).toList());
  }

  /** x509.SignatureAlgorithm of an AlgorithmIdentifier. */
  static int signatureAlgorithm(Der algorithmIdentifier) {
    List<Der> f = algorithmIdentifier.children();
    String oid = f.get(0).oid();
    if (oid.equals("1.2.840.113549.1.1.10") && f.size() > 1) {
      for (Der p : f.get(1).children()) {
        if (p.isContext(0)) {
          return PSS_BY_HASH.getOrDefault(p.children().get(0).children().get(0).oid(), 0);
        }
      }
      return 13;
    }
    return SIGNATURE_ALGORITHMS.getOrDefault(oid, 0);
  }

  /** x509.PublicKeyAlgorithm of a SubjectPublicKeyInfo. */
  static int publicKeyAlgorithm(Der spki) {
    return PUBLIC_KEY_ALGORITHMS.getOrDefault(spki.children().get(0).children().get(0).oid(), 0);
  }

  /** A public key as Go marshals *rsa.PublicKey, *ecdsa.PublicKey or ed25519.PublicKey. */
  static Value publicKey(PublicKey key) {
    if (key instanceof RSAPublicKey r) {
      return ObjectValue.builder().put("N", big(r.getModulus())).put("E", big(r.getPublicExponent())).build();
    }
    if (key instanceof ECPublicKey e) {
      return ObjectValue.builder().put("Curve", ObjectValue.EMPTY).put("X", big(e.getW().getAffineX()))
          .put("Y", big(e.getW().getAffineY())).build();
    }
    if (key instanceof EdECPublicKey) {
      byte[] spki = key.getEncoded();
      return bytes(java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }
    return NullValue.NULL;
  }

  /** A private key as Go marshals *rsa.PrivateKey, *ecdsa.PrivateKey or ed25519.PrivateKey. */
  static Value privateKey(PrivateKey key, PublicKey pub) {
    if (key instanceof RSAPrivateCrtKey r) {
      return ObjectValue.builder()
          .put("N", big(r.getModulus())).put("E", big(r.getPublicExponent())).put("D", big(r.getPrivateExponent()))
          .put("Primes", ArrayValue.of(big(r.getPrimeP()), big(r.getPrimeQ())))
          .put("Precomputed", ObjectValue.builder().put("Dp", big(r.getPrimeExponentP()))
              .put("Dq", big(r.getPrimeExponentQ())).put("Qinv", big(r.getCrtCoefficient()))
              .put("CRTValues", ArrayValue.EMPTY).build())
          .build();
    }
    if (key instanceof ECPrivateKey e) {
      ObjectValue.Builder b = ObjectValue.builder().put("Curve", ObjectValue.EMPTY).put("D", big(e.getS()));
      if (pub instanceof ECPublicKey ep) {
        b.put("X", big(ep.getW().getAffineX())).put("Y", big(ep.getW().getAffineY()));
      }
      return b.build();
    }
    byte[] pkcs8 = key.getEncoded();
    byte[] seed = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
    byte[] pubBytes = pub == null ? new byte[0] : java.util.Arrays.copyOfRange(pub.getEncoded(), 12, 44);
    byte[] full = new byte[seed.length + pubBytes.length];
    System.arraycopy(seed, 0, full, 0, seed.length);
    System.arraycopy(pubBytes, 0, full, seed.length, pubBytes.length);
    return bytes(full);
  }

  /** pkix.Name from a DER RDNSequence. */
  static Value name(byte[] rdnSequence) {
    Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
    for (String f : NAME_FIELDS.values()) {
      lists.put(f, new ArrayList<>());
    }
    String serial = "";
    String cn = "";
    List<Value> names = new ArrayList<>();
    for (Der set : Der.parse(rdnSequence).children()) {
      for (Der atv : set.children()) {
        List<Der> f = atv.children();
        String oid = f.get(0).oid();
        String value = text(f.get(1));
        names.add(ObjectValue.builder().put("Type", oidArcs(f.get(0))).put("Value", StringValue.of(value)).build());
        String field = NAME_FIELDS.get(oid);
        if (field != null) {
          lists.get(field).add(value);
        } else if (oid.equals("2.5.4.3")) {
          cn = value;
        } else if (oid.equals("2.5.4.5")) {
          serial = value;
        }
      }
    }
    ObjectValue.Builder b = ObjectValue.builder();
    lists.forEach((k, v) -> b.put(k, strings(v)));
    return b.put("SerialNumber", StringValue.of(serial)).put("CommonName", StringValue.of(cn))
        .put("Names", names.isEmpty() ? NullValue.NULL : ArrayValue.of(names))
        .put("ExtraNames", NullValue.NULL).build();
  }

  /** An ASN.1 string of any of the types X.509 names use. */
  static String text(Der d) {
    return switch (d.tag()) {
      case 0x1e -> new String(d.content(), StandardCharsets.UTF_16BE);
      case 0x1c -> new String(d.content(), java.nio.charset.Charset.forName("UTF-32BE"));
      case 0x14 -> new String(d.content(), StandardCharsets.ISO_8859_1);
      default -> new String(d.content(), StandardCharsets.UTF_8);
    };
  }

  /** Go's *url.URL as JSON. */
  static Value url(String s) {
    ObjectValue.Builder b = ObjectValue.builder();
    String scheme = "";
    String opaque = "";
    String host = "";
    String path = "";
    String query = "";
    String fragment = "";
    boolean forceQuery = false;
    try {
      URI u = new URI(s);
      scheme = u.getScheme() == null ? "" : u.getScheme();
      if (u.isOpaque()) {
        opaque = u.getRawSchemeSpecificPart();
      } else {
        host = u.getRawAuthority() == null ? "" : u.getRawAuthority();
        path = u.getPath() == null ? "" : u.getPath();
      }
      query = u.getRawQuery() == null ? "" : u.getRawQuery();
      forceQuery = query.isEmpty() && s.endsWith("?");
      fragment = u.getFragment() == null ? "" : u.getFragment();
    } catch (java.net.URISyntaxException e) {
      opaque = s;
    }
    return b.put("Scheme", StringValue.of(scheme)).put("Opaque", StringValue.of(opaque)).put("User", NullValue.NULL)
        .put("Host", StringValue.of(host)).put("Path", StringValue.of(path)).put("RawPath", StringValue.EMPTY)
        .put("OmitHost", BooleanValue.FALSE).put("ForceQuery", BooleanValue.of(forceQuery))
        .put("RawQuery", StringValue.of(query)).put("Fragment", StringValue.of(fragment))
        .put("RawFragment", StringValue.EMPTY).build();
  }
}
