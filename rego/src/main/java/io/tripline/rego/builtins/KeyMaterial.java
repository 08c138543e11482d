package io.tripline.rego.builtins;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Keys from DER (PKCS#1, PKCS#8, SEC 1, SubjectPublicKeyInfo) and raw JWK parameters, with the JDK only. */
final class KeyMaterial {
  static final Map<String, String> CURVE_BY_OID = Map.of(
      "1.2.840.10045.3.1.7", "secp256r1", "1.3.132.0.34", "secp384r1", "1.3.132.0.35", "secp521r1");
  static final Map<String, String> CURVE_BY_JWK = Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");
  private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

  private KeyMaterial() {}

  /** A SubjectPublicKeyInfo (PEM "PUBLIC KEY") as an RSA, EC or Ed25519 key. */
  static PublicKey publicKey(byte[] spki) throws GeneralSecurityException {
    for (String alg : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(spki));
      } catch (GeneralSecurityException | ClassCastException tryNext) {
        // not this algorithm
      }
    }
    throw new GeneralSecurityException("x509: unknown public key algorithm");
  }

  /** A PKCS#8 private key (PEM "PRIVATE KEY"). */
  static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    for (String alg : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException tryNext) {
        // not this algorithm
      }
    }
    throw new GeneralSecurityException("x509: failed to parse private key");
  }

  /** A PKCS#1 RSA private key (PEM "RSA PRIVATE KEY"). */
  static PrivateKey pkcs1(byte[] der) throws GeneralSecurityException {
    try {
      List<Der> f = Der.parse(der).children();
      return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(f.get(1).integer(),
          f.get(2).integer(), f.get(3).integer(), f.get(4).integer(), f.get(5).integer(), f.get(6).integer(),
          f.get(7).integer(), f.get(8).integer()));
    } catch (Der.Malformed | IndexOutOfBoundsException e) {
      throw new GeneralSecurityException("x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)");
    }
  }

  /** A SEC 1 EC private key (PEM "EC PRIVATE KEY"). */
  static PrivateKey sec1(byte[] der) throws GeneralSecurityException {
    try {
      List<Der> f = Der.parse(der).children();
      BigInteger d = new BigInteger(1, f.get(1).content());
      String curve = null;
      for (Der x : f) {
        if (x.isContext(0)) {
          curve = CURVE_BY_OID.get(x.children().get(0).oid());
        }
      }
      if (curve == null) {
        throw new GeneralSecurityException("x509: unknown elliptic curve");
      }
      return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, curveSpec(curve)));
    } catch (Der.Malformed | IndexOutOfBoundsException e) {
      throw new GeneralSecurityException("x509: failed to parse EC private key");
    }
  }

  static ECParameterSpec curveSpec(String name) throws GeneralSecurityException {
    AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
    p.init(new ECGenParameterSpec(name));
    return p.getParameterSpec(ECParameterSpec.class);
  }

  static PublicKey ecPublic(String curve, BigInteger x, BigInteger y) throws GeneralSecurityException {
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curveSpec(curve)));
  }

  static PrivateKey ecPrivate(String curve, BigInteger d) throws GeneralSecurityException {
    return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, curveSpec(curve)));
  }

  static PublicKey ed25519Public(byte[] x) throws GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(ED25519_SPKI_PREFIX, x)));
  }

  static PrivateKey ed25519Private(byte[] d) throws GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(ED25519_PKCS8_PREFIX, d)));
  }

  /** The JWK curve name ("P-256") of an EC key. */
  static String jwkCurve(ECKey key) {
    int bits = key.getParams().getCurve().getField().getFieldSize();
    return bits == 256 ? "P-256" : bits == 384 ? "P-384" : "P-521";
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
