package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code crypto.x509.*} and {@code crypto.parse_private_keys} (OPA's crypto.go) with the JDK only. */
final class X509Builtins {
  private static final Map<String, String> KEY_USAGE_OIDS = Map.ofEntries(
      Map.entry("KeyUsageAny", "2.5.29.37.0"), Map.entry("KeyUsageServerAuth", "1.3.6.1.5.5.7.3.1"),
      Map.entry("KeyUsageClientAuth", "1.3.6.1.5.5.7.3.2"), Map.entry("KeyUsageCodeSigning", "1.3.6.1.5.5.7.3.3"),
      Map.entry("KeyUsageEmailProtection", "1.3.6.1.5.5.7.3.4"), Map.entry("KeyUsageIPSECEndSystem", "1.3.6.1.5.5.7.3.5"),
      Map.entry("KeyUsageIPSECTunnel", "1.3.6.1.5.5.7.3.6"), Map.entry("KeyUsageIPSECUser", "1.3.6.1.5.5.7.3.7"),
      Map.entry("KeyUsageTimeStamping", "1.3.6.1.5.5.7.3.8"), Map.entry("KeyUsageOCSPSigning", "1.3.6.1.5.5.7.3.9"),
      Map.entry("KeyUsageMicrosoftServerGatedCrypto", "1.3.6.1.4.1.311.10.3.3"),
      Map.entry("KeyUsageNetscapeServerGatedCrypto", "2.16.840.1.113730.4.1"),
      Map.entry("KeyUsageMicrosoftCommercialCodeSigning", "1.3.6.1.4.1.311.2.1.22"),
      Map.entry("KeyUsageMicrosoftKernelCodeSigning", "1.3.6.1.4.1.311.61.1.1"));

  private X509Builtins() {}

  static void register(BuiltinTable.Builder t) {
    Type certs = Type.arrayOf(Type.objectOf(Type.STRING, Type.ANY));
    Type object = Type.objectOf(Type.STRING, Type.ANY);
    t.function("crypto.x509.parse_certificates", Signature.of(certs, Type.STRING), (c, a) -> {
      List<CertificateObject> parsed = certificates(a, a.string(0));
      return ArrayValue.of(parsed.stream().map(CertificateObject::toValue).toList());
    });
    t.function("crypto.x509.parse_and_verify_certificates", Signature.of(Type.tupleOf(Type.BOOLEAN, certs), Type.STRING),
        (c, a) -> verified(a, a.string(0), new VerifyOptions(null, c.nowNanos(), List.of("1.3.6.1.5.5.7.3.1"))));
    t.function("crypto.x509.parse_and_verify_certificates_with_options", Signature.of(Type.tupleOf(Type.BOOLEAN, certs), Type.STRING, object),
        (c, a) -> {
          String input = a.string(0);
          return verified(a, input, options(a, a.object(1), c.nowNanos()));
        });
    t.function("crypto.x509.parse_certificate_request", Signature.of(object, Type.STRING), X509Builtins::certificateRequest);
    t.function("crypto.x509.parse_keypair", Signature.of(object, Type.STRING, Type.STRING), X509Builtins::keyPair);
    t.function("crypto.x509.parse_rsa_private_key", Signature.of(object, Type.STRING), (c, a) -> {
      String input = a.string(0);
      if (input.isEmpty()) {
        throw a.error("input PEM data was empty");
      }
      if (!input.startsWith("-----BEGIN")) {
        byte[] raw = PemBlock.base64(input);
        if (raw == null) {
          throw a.error("illegal base64 data at input byte " + badBase64Index(input));
        }
        input = new String(raw, StandardCharsets.ISO_8859_1);
      }
      List<PrivateKey> keys = privateKeys(a, input);
      return keys.isEmpty() ? NullValue.NULL : jwk(keys.get(0));
    });
    t.function("crypto.parse_private_keys", Signature.of(certs, Type.STRING), (c, a) -> {
      String input = a.string(0);
      if (input.isEmpty()) {
        return NullValue.NULL;
      }
      List<Value> out = new ArrayList<>();
      for (PrivateKey k : privateKeys(a, input)) {
        out.add(GoX509Json.privateKey(k, null));
      }
      return ArrayValue.of(out);
    });
  }

  /** OPA's getX509CertsFromString: PEM, base64 of PEM, or base64 of DER. */
  static List<CertificateObject> certificates(Arguments a, String input) {
    byte[] der;
    if (input.startsWith("-----BEGIN")) {
      der = pemCertificates(a, input);
    } else {
      byte[] raw = PemBlock.base64(input);
      if (raw == null) {
        throw a.error("illegal base64 data at input byte " + badBase64Index(input));
      }
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      der = text.startsWith("-----BEGIN") ? pemCertificates(a, text) : raw;
    }
    List<CertificateObject> parsed = CertificateObject.parseAll(der);
    if (parsed == null) {
      throw a.error("x509: malformed certificate");
    }
    return parsed;
  }

  private static byte[] pemCertificates(Arguments a, String pem) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (PemBlock b : PemBlock.decodeAll(pem)) {
      if (!b.type().equals("CERTIFICATE")) {
        throw a.error("PEM block type is '" + b.type() + "', expected CERTIFICATE");
      }
      out.writeBytes(b.bytes());
    }
    return out.toByteArray();
  }

  /** Go's index of the first byte that is not standard base64 (or the length when padding is wrong). */
  static int badBase64Index(String s) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n";
    for (int i = 0; i < s.length(); i++) {
      if (alphabet.indexOf(s.charAt(i)) < 0) {
        return i;
      }
    }
    return s.length();
  }

  record VerifyOptions(String dnsName, long nowNanos, List<String> keyUsages) {}

  private static VerifyOptions options(Arguments a, ObjectValue o, long now) {
    String dns = null;
    long time = now;
    List<String> usages = new ArrayList<>(List.of("1.3.6.1.5.5.7.3.1"));
    for (Map.Entry<Value, Value> e : o.entries()) {
      if (!(e.getKey() instanceof StringValue k)) {
        continue;
      }
      Value v = e.getValue();
      switch (k.value()) {
        case "DNSName" -> dns = v instanceof StringValue s ? s.value() : fail(a, "'DNSName' should be a string");
        case "CurrentTime" -> {
          if (!(v instanceof NumberValue n)) {
            throw a.error("'CurrentTime' should be a number");
          }
          if (!n.isInteger() || n.toBigInteger().bitLength() > 63) {
            throw a.error("'CurrentTime' should be a valid int64 number");
          }
          time = n.toBigInteger().longValue();
        }
        case "MaxConstraintComparisons" -> {
          if (!(v instanceof NumberValue)) {
            throw a.error("'MaxConstraintComparisons' should be a number");
          }
        }
        case "KeyUsages" -> {
          List<Value> items = v instanceof ArrayValue arr ? arr.asList() : v instanceof SetValue s ? s.elements() : null;
          if (items == null) {
            throw a.error("'KeyUsages' should be an Array or Set");
          }
          usages.clear();
          List<String> invalid = new ArrayList<>();
          for (Value u : items) {
            if (u instanceof StringValue s) {
              String oid = KEY_USAGE_OIDS.get(s.value());
              if (oid == null) {
                invalid.add(s.value());
              } else {
                usages.add(oid);
              }
            }
          }
          if (!invalid.isEmpty()) {
            throw a.error("invalid entries for 'KeyUsages' found: [" + String.join(" ", invalid) + "]");
          }
        }
        default -> throw a.error("invalid key option");
      }
    }
    return new VerifyOptions(dns, time, usages);
  }

  private static String fail(Arguments a, String message) {
    throw a.error(message);
  }

  /** [true, chain] when the certificates (root first, leaf last) verify as a chain, else [false, []]. */
  private static Value verified(Arguments a, String input, VerifyOptions opts) {
    ArrayValue invalid = ArrayValue.of(BooleanValue.FALSE, ArrayValue.EMPTY);
    List<CertificateObject> certs;
    try {
      certs = certificates(a, input);
    } catch (BuiltinException e) {
      return invalid;
    }
    if (certs.size() < 2) {
      return invalid;
    }
    List<CertificateObject> chain = chain(certs);
    if (chain == null || !verifies(chain, opts)) {
      return invalid;
    }
    return ArrayValue.of(BooleanValue.TRUE, ArrayValue.of(chain.stream().map(CertificateObject::toValue).toList()));
  }

  /** The chain from the leaf (last) through intermediates to the root (first), or null. */
  private static List<CertificateObject> chain(List<CertificateObject> certs) {
    CertificateObject root = certs.get(0);
    List<CertificateObject> pool = new ArrayList<>(certs.subList(1, certs.size() - 1));
    List<CertificateObject> chain = new ArrayList<>();
    CertificateObject cur = certs.get(certs.size() - 1);
    chain.add(cur);
    while (chain.size() <= certs.size()) {
      if (issuedBy(cur, root)) {
        chain.add(root);
        return chain;
      }
      CertificateObject next = null;
      for (CertificateObject p : pool) {
        if (issuedBy(cur, p)) {
          next = p;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      pool.remove(next);
      chain.add(next);
      cur = next;
    }
    return null;
  }

  private static boolean issuedBy(CertificateObject cert, CertificateObject issuer) {
    if (!cert.certificate().getIssuerX500Principal().equals(issuer.certificate().getSubjectX500Principal())) {
      return false;
    }
    try {
      cert.certificate().verify(issuer.certificate().getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean verifies(List<CertificateObject> chain, VerifyOptions opts) {
    try {
      X509Certificate root = chain.get(chain.size() - 1).certificate();
      List<X509Certificate> path = chain.subList(0, chain.size() - 1).stream().map(CertificateObject::certificate).toList();
      PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
      params.setRevocationEnabled(false);
      params.setDate(new Date(opts.nowNanos() / 1_000_000L));
      CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
      root.checkValidity(params.getDate());
    } catch (GeneralSecurityException e) {
      return false;
    }
    if (!opts.keyUsages().contains("2.5.29.37.0")) {
      for (CertificateObject c : chain) {
        try {
          List<String> eku = c.certificate().getExtendedKeyUsage();
          if (eku != null && !eku.isEmpty() && !eku.contains("2.5.29.37.0")
              && opts.keyUsages().stream().noneMatch(eku::contains)) {
            return false;
          }
        } catch (java.security.cert.CertificateParsingException e) {
          return false;
        }
      }
    }
    return opts.dnsName() == null || opts.dnsName().isEmpty() || matchesHost(chain.get(0).certificate(), opts.dnsName());
  }

  private static boolean matchesHost(X509Certificate leaf, String host) {
    try {
      if (leaf.getSubjectAlternativeNames() == null) {
        return false;
      }
      for (List<?> san : leaf.getSubjectAlternativeNames()) {
        if (Integer.valueOf(2).equals(san.get(0))) {
          String pattern = ((String) san.get(1)).toLowerCase();
          String h = host.toLowerCase();
          if (pattern.equals(h) || (pattern.startsWith("*.") && h.indexOf('.') > 0 && h.substring(h.indexOf('.')).equals(pattern.substring(1)))) {
            return true;
          }
        }
      }
    } catch (java.security.cert.CertificateParsingException e) {
      return false;
    }
    return false;
  }

  private static Value certificateRequest(BuiltinContext c, Arguments a) {
    String input = a.string(0);
    byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
    if (!input.startsWith("-----BEGIN CERTIFICATE REQUEST-----")) {
      bytes = PemBlock.base64(input);
      if (bytes == null) {
        throw a.error("illegal base64 data at input byte " + badBase64Index(input));
      }
    }
    PemBlock.Decoded pem = PemBlock.decode(new String(bytes, StandardCharsets.ISO_8859_1));
    if (pem != null && !pem.block().type().equals("CERTIFICATE REQUEST")) {
      throw a.error("invalid PEM-encoded certificate signing request");
    }
    if (pem != null) {
      bytes = pem.block().bytes();
    }
    try {
      return CertificateRequestObject.of(bytes);
    } catch (Der.Malformed | IndexOutOfBoundsException | GeneralSecurityException e) {
      throw a.error("asn1: structure error: " + e.getMessage());
    }
  }

  /** OPA's getPrivateKeysFromPEMData: PKCS#1, PKCS#8 and SEC 1 blocks, optionally base64 encoded as a whole. */
  static List<PrivateKey> privateKeys(Arguments a, String data) {
    byte[] raw = PemBlock.base64(data);
    String text = raw != null ? new String(raw, StandardCharsets.ISO_8859_1) : data;
    List<PrivateKey> out = new ArrayList<>();
    try {
      for (PemBlock b : PemBlock.decodeAll(text)) {
        switch (b.type()) {
          case "RSA PRIVATE KEY" -> out.add(KeyMaterial.pkcs1(b.bytes()));
          case "PRIVATE KEY" -> out.add(KeyMaterial.pkcs8(b.bytes()));
          case "EC PRIVATE KEY" -> out.add(KeyMaterial.sec1(b.bytes()));
          default -> { }
        }
      }
    } catch (GeneralSecurityException e) {
      throw a.error(e.getMessage());
    }
    return out;
  }

  /** A private key as the JWK OPA's jwk.New produces. */
  private static Value jwk(PrivateKey key) {
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    if (key instanceof java.security.interfaces.RSAPrivateCrtKey r) {
      return ObjectValue.builder().put("kty", StringValue.of("RSA"))
          .put("n", StringValue.of(enc.encodeToString(unsigned(r.getModulus()))))
          .put("e", StringValue.of(enc.encodeToString(unsigned(r.getPublicExponent()))))
          .put("d", StringValue.of(enc.encodeToString(unsigned(r.getPrivateExponent()))))
          .put("p", StringValue.of(enc.encodeToString(unsigned(r.getPrimeP()))))
          .put("q", StringValue.of(enc.encodeToString(unsigned(r.getPrimeQ()))))
          .put("dp", StringValue.of(enc.encodeToString(unsigned(r.getPrimeExponentP()))))
          .put("dq", StringValue.of(enc.encodeToString(unsigned(r.getPrimeExponentQ()))))
          .put("qi", StringValue.of(enc.encodeToString(unsigned(r.getCrtCoefficient()))))
          .build();
    }
    if (key instanceof java.security.interfaces.ECPrivateKey e) {
      return ObjectValue.builder().put("kty", StringValue.of("EC"))
          .put("crv", StringValue.of(KeyMaterial.jwkCurve(e)))
          .put("d", StringValue.of(enc.encodeToString(unsigned(e.getS()))))
          .build();
    }
    return ObjectValue.builder().put("kty", StringValue.of("OKP")).put("crv", StringValue.of("Ed25519")).build();
  }

  static byte[] unsigned(BigInteger n) {
    byte[] b = n.toByteArray();
    return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }

  /** Go's tls.X509KeyPair as JSON: the certificate chain, the private key and the parsed leaf. */
  private static Value keyPair(BuiltinContext c, Arguments a) {
    String cert = a.string(0);
    String key = a.string(1);
    cert = asPem(a, cert, "CERTIFICATE");
    key = asPem(a, key, "PRIVATE KEY");
    List<PemBlock> certBlocks = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (PemBlock b : PemBlock.decodeAll(cert)) {
      if (b.type().equals("CERTIFICATE")) {
        certBlocks.add(b);
      } else {
        skipped.add(b.type());
      }
    }
    if (certBlocks.isEmpty()) {
      throw a.error(skipped.isEmpty() ? "tls: failed to find any PEM data in certificate input"
          : "tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of the following types: ["
              + String.join(" ", skipped) + "]");
    }
    PemBlock keyBlock = null;
    for (PemBlock b : PemBlock.decodeAll(key)) {
      if (b.type().equals("PRIVATE KEY") || b.type().endsWith(" PRIVATE KEY")) {
        keyBlock = b;
        break;
      }
    }
    if (keyBlock == null) {
      throw a.error("tls: failed to find any PEM data in key input");
    }
    List<CertificateObject> leafs = CertificateObject.parseAll(certBlocks.get(0).bytes());
    if (leafs == null || leafs.isEmpty()) {
      throw a.error("x509: malformed certificate");
    }
    PublicKey pub = leafs.get(0).certificate().getPublicKey();
    PrivateKey priv = null;
    for (int i = 0; i < 3 && priv == null; i++) {
      try {
        priv = switch (i) {
          case 0 -> KeyMaterial.pkcs1(keyBlock.bytes());
          case 1 -> KeyMaterial.pkcs8(keyBlock.bytes());
          default -> KeyMaterial.sec1(keyBlock.bytes());
        };
      } catch (GeneralSecurityException tryNext) {
        // next format
      }
    }
    if (priv == null) {
      throw a.error("tls: failed to parse private key");
    }
    if (!matches(pub, priv)) {
      throw a.error("tls: private key does not match public key");
    }
    List<Value> chain = new ArrayList<>();
    for (PemBlock b : certBlocks) {
      chain.add(GoX509Json.bytes(b.bytes()));
    }
    return ObjectValue.builder()
        .put("Certificate", ArrayValue.of(chain))
        .put("PrivateKey", GoX509Json.privateKey(priv, pub))
        .put("SupportedSignatureAlgorithms", NullValue.NULL)
        .put("OCSPStaple", NullValue.NULL)
        .put("SignedCertificateTimestamps", NullValue.NULL)
        .put("Leaf", leafs.get(0).toValue())
        .build();
  }

  private static String asPem(Arguments a, String input, String type) {
    if (input.startsWith("-----BEGIN ")) {
      return input;
    }
    byte[] raw = PemBlock.base64(input);
    if (raw == null) {
      throw a.error("illegal base64 data at input byte " + badBase64Index(input));
    }
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    if (text.startsWith("-----BEGIN")) {
      return text;
    }
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(raw)
        + "\n-----END " + type + "-----\n";
  }

  private static boolean matches(PublicKey pub, PrivateKey priv) {
    if (pub instanceof java.security.interfaces.RSAPublicKey r && priv instanceof java.security.interfaces.RSAPrivateKey p) {
      return r.getModulus().equals(p.getModulus());
    }
    if (pub instanceof java.security.interfaces.ECPublicKey e && priv instanceof java.security.interfaces.ECPrivateKey p) {
      try {
        java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSA");
        s.initSign(p);
        s.update(new byte[] {1});
        byte[] sig = s.sign();
        s.initVerify(e);
        s.update(new byte[] {1});
        return s.verify(sig);
      } catch (GeneralSecurityException ex) {
        return false;
      }
    }
    return pub.getAlgorithm().equals(priv.getAlgorithm());
  }
}
