package io.tripline.rego.builtins;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/** The JWS algorithms OPA supports (RFC 7518), signing and verifying with JDK providers. */
enum JwsAlgorithm {
  HS256("HmacSHA256"), HS384("HmacSHA384"), HS512("HmacSHA512"),
  RS256("SHA256withRSA"), RS384("SHA384withRSA"), RS512("SHA512withRSA"),
  PS256("RSASSA-PSS"), PS384("RSASSA-PSS"), PS512("RSASSA-PSS"),
  // The JDK's P1363 format is JWS's raw R||S signature, so no DER conversion is needed.
  ES256("SHA256withECDSAinP1363Format"), ES384("SHA384withECDSAinP1363Format"), ES512("SHA512withECDSAinP1363Format"),
  EdDSA("Ed25519");

  private final String jdkName;

  JwsAlgorithm(String jdkName) {
    this.jdkName = jdkName;
  }

  /** The algorithm named in a JWS header, or null when OPA does not know it. */
  static JwsAlgorithm named(String name) {
    for (JwsAlgorithm a : values()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }

  boolean isHmac() {
    return name().startsWith("HS");
  }

  byte[] sign(Key key, byte[] secret, byte[] input) throws GeneralSecurityException {
    if (isHmac()) {
      if (secret == null) {
        throw new GeneralSecurityException("invalid key type for " + name());
      }
      return HashBuiltins.mac(jdkName, secret, input);
    }
    if (!(key instanceof PrivateKey pk)) {
      throw new GeneralSecurityException("invalid key type for " + name());
    }
    Signature s = signature();
    s.initSign(pk, new SecureRandom());
    s.update(input);
    return s.sign();
  }

  /** Whether signature is valid for input; a key of the wrong type does not verify. */
  boolean verify(Key key, byte[] secret, byte[] input, byte[] signature) {
    try {
      if (isHmac()) {
        return secret != null && MessageDigest.isEqual(HashBuiltins.mac(jdkName, secret, input), signature);
      }
      if (!(key instanceof PublicKey pk)) {
        return false;
      }
      Signature s = signature();
      s.initVerify(pk);
      s.update(input);
      return s.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private Signature signature() throws GeneralSecurityException {
    Signature s = Signature.getInstance(jdkName);
    if (jdkName.equals("RSASSA-PSS")) {
      String bits = name().substring(2);
      String hash = "SHA-" + bits;
      int saltLength = Integer.parseInt(bits) / 8;
      s.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1));
    }
    return s;
  }
}
