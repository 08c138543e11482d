package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtBuiltinsTest {
  private static final String HS_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
      + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
      + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  private final FixedContext ctx = new FixedContext(1_600_000_000_000_000_000L);

  private static String q(String s) {
    return StringValue.of(s).toString();
  }

  private static String b64(BigInteger n) {
    byte[] b = n.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = java.util.Arrays.copyOfRange(b, 1, b.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String b64(byte[] b, int len) {
    byte[] out = new byte[len];
    int n = Math.min(b.length, len);
    System.arraycopy(b, b.length - n, out, len - n, n);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  @Test
  void decodesHeaderPayloadAndSignature() {
    Value v = ctx.call("io.jwt.decode", q(HS_TOKEN));
    ArrayValue parts = (ArrayValue) v;
    assertThat(parts.get(0)).isEqualTo(json("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
    assertThat(parts.get(1)).isEqualTo(json("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}"));
    assertThat(((StringValue) parts.get(2)).value()).startsWith("49f94ac7");
    assertThatThrownBy(() -> ctx.call("io.jwt.decode", q("abc"))).hasMessage("io.jwt.decode: encoded JWT had no period separators");
    assertThatThrownBy(() -> ctx.call("io.jwt.decode", q("a.b"))).hasMessage("io.jwt.decode: encoded JWT must have 3 sections, found 2");
  }

  @Test
  void verifiesHmacSignatures() {
    assertThat(ctx.call("io.jwt.verify_hs256", q(HS_TOKEN), q("your-256-bit-secret"))).isEqualTo(BooleanValue.TRUE);
    assertThat(ctx.call("io.jwt.verify_hs256", q(HS_TOKEN), q("wrong"))).isEqualTo(BooleanValue.FALSE);
    assertThat(ctx.call("io.jwt.verify_hs512", q(HS_TOKEN), q("your-256-bit-secret"))).isEqualTo(BooleanValue.FALSE);
  }

  @Test
  void decodeVerifyChecksSignatureAndClaims() {
    String key = "{\"kty\":\"oct\",\"k\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString("42".getBytes()) + "\"}";
    Value token = ctx.call("io.jwt.encode_sign", "{\"alg\":\"HS256\"}",
        "{\"iss\":\"me\",\"aud\":[\"you\"],\"exp\":1700000000,\"nbf\":1500000000}", key);
    String t = token.toString();
    ArrayValue ok = (ArrayValue) ctx.call("io.jwt.decode_verify", t, "{\"secret\":\"42\",\"iss\":\"me\",\"aud\":\"you\"}");
    assertThat(ok.get(0)).isEqualTo(BooleanValue.TRUE);
    assertThat(ok.get(1)).isEqualTo(json("{\"alg\":\"HS256\"}"));
    assertThat(((ArrayValue) ctx.call("io.jwt.decode_verify", t, "{\"secret\":\"43\"}")).get(0)).isEqualTo(BooleanValue.FALSE);
    assertThat(((ArrayValue) ctx.call("io.jwt.decode_verify", t, "{\"secret\":\"42\"}")).get(0))
        .as("aud claim present but no aud constraint").isEqualTo(BooleanValue.FALSE);
    assertThat(((ArrayValue) ctx.call("io.jwt.decode_verify", t, "{\"secret\":\"42\",\"aud\":\"you\",\"time\":1800000000000000000}")).get(0))
        .as("expired").isEqualTo(BooleanValue.FALSE);
    assertThat(ctx.call("io.jwt.decode_verify", t, "{\"secret\":\"42\",\"aud\":\"you\",\"alg\":\"RS256\"}"))
        .isEqualTo(json("[false,{},{}]"));
    assertThatThrownBy(() -> ctx.call("io.jwt.decode_verify", t, "{}")).hasMessage("io.jwt.decode_verify: no key constraint");
    assertThatThrownBy(() -> ctx.call("io.jwt.decode_verify", t, "{\"foo\":1,\"secret\":\"42\"}"))
        .hasMessage("io.jwt.decode_verify: unknown token validation constraint: foo");
    Value nullExp = ctx.call("io.jwt.encode_sign", "{\"alg\":\"HS256\"}", "{\"exp\":null}", key);
    assertThatThrownBy(() -> ctx.call("io.jwt.decode_verify", nullExp.toString(), "{\"secret\":\"42\"}"))
        .hasMessage("io.jwt.decode_verify: exp value must be a number");
  }

  @Test
  void signsAndVerifiesRsaPssEcdsaAndEd25519() throws Exception {
    KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
    rsaGen.initialize(2048);
    KeyPair rsa = rsaGen.generateKeyPair();
    RSAPrivateCrtKey rp = (RSAPrivateCrtKey) rsa.getPrivate();
    RSAPublicKey rpub = (RSAPublicKey) rsa.getPublic();
    String rsaJwk = "{\"kty\":\"RSA\",\"n\":\"" + b64(rp.getModulus()) + "\",\"e\":\"" + b64(rp.getPublicExponent())
        + "\",\"d\":\"" + b64(rp.getPrivateExponent()) + "\",\"p\":\"" + b64(rp.getPrimeP()) + "\",\"q\":\"" + b64(rp.getPrimeQ())
        + "\",\"dp\":\"" + b64(rp.getPrimeExponentP()) + "\",\"dq\":\"" + b64(rp.getPrimeExponentQ())
        + "\",\"qi\":\"" + b64(rp.getCrtCoefficient()) + "\"}";
    String rsaPem = pem("PUBLIC KEY", rpub.getEncoded());
    for (String alg : List.of("RS256", "PS384")) {
      Value token = ctx.call("io.jwt.encode_sign", "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}", "{\"a\":1}", q(rsaJwk).isEmpty() ? "" : rsaJwk);
      assertThat(ctx.call("io.jwt.verify_" + alg.toLowerCase(), token.toString(), q(rsaPem))).isEqualTo(BooleanValue.TRUE);
      assertThat(ctx.call("io.jwt.verify_rs512", token.toString(), q(rsaPem))).isEqualTo(BooleanValue.FALSE);
      ArrayValue dv = (ArrayValue) ctx.call("io.jwt.decode_verify", token.toString(), "{\"cert\":" + q(rsaPem) + "}");
      assertThat(dv.get(0)).isEqualTo(BooleanValue.TRUE);
      assertThat(dv.get(2)).isEqualTo(json("{\"a\":1}"));
    }

    KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
    ecGen.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ec = ecGen.generateKeyPair();
    ECPublicKey epub = (ECPublicKey) ec.getPublic();
    String ecJwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + b64(epub.getW().getAffineX().toByteArray(), 32)
        + "\",\"y\":\"" + b64(epub.getW().getAffineY().toByteArray(), 32) + "\",\"d\":\""
        + b64(((ECPrivateKey) ec.getPrivate()).getS().toByteArray(), 32) + "\",\"kid\":\"k1\"}";
    Value esToken = ctx.call("io.jwt.encode_sign", "{\"alg\":\"ES256\",\"kid\":\"k1\"}", "{\"b\":2}", ecJwk);
    String[] parts = esToken.toString().replace("\"", "").split("\\.");
    assertThat(Base64.getUrlDecoder().decode(parts[2])).as("raw R||S").hasSize(64);
    assertThat(ctx.call("io.jwt.verify_es256", esToken.toString(), q(pem("PUBLIC KEY", epub.getEncoded()))))
        .isEqualTo(BooleanValue.TRUE);
    String jwks = "{\"keys\":[" + ecJwk.replace(",\"d\":\"" + b64(((ECPrivateKey) ec.getPrivate()).getS().toByteArray(), 32) + "\"", "") + "]}";
    assertThat(ctx.call("io.jwt.verify_es256", esToken.toString(), q(jwks))).isEqualTo(BooleanValue.TRUE);

    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] edPub = java.util.Arrays.copyOfRange(ed.getPublic().getEncoded(), 12, 44);
    byte[] edPriv = java.util.Arrays.copyOfRange(ed.getPrivate().getEncoded(), 16, 48);
    String edJwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(edPub)
        + "\",\"d\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(edPriv) + "\"}";
    Value edToken = ctx.call("io.jwt.encode_sign", "{\"alg\":\"EdDSA\"}", "{\"c\":3}", edJwk);
    assertThat(ctx.call("io.jwt.verify_eddsa", edToken.toString(), q(pem("PUBLIC KEY", ed.getPublic().getEncoded()))))
        .isEqualTo(BooleanValue.TRUE);
  }

  @Test
  void encodeSignRawErrorsAsOpa() {
    String key = "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}";
    assertThatThrownBy(() -> ctx.call("io.jwt.encode_sign_raw", q("{}"), q("{\"iss\":\"joe\"}"), q(key)))
        .hasMessageContaining("unsupported signature algorithm");
    assertThatThrownBy(() -> ctx.call("io.jwt.encode_sign_raw", q("{\"alg\":\"none\"}"), q("{}"), q(key)))
        .hasMessage("io.jwt.encode_sign_raw: unknown JWS algorithm: none");
    assertThatThrownBy(() -> ctx.call("io.jwt.encode_sign_raw", q("{\"alg\":\"HS256\"}"), q("not json"), q(key)))
        .hasMessage("io.jwt.encode_sign_raw: type is JWT but payload is not JSON");
    Value raw = ctx.call("io.jwt.encode_sign_raw", q("{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"),
        q("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"), q(key));
    assertThat(raw.toString()).isEqualTo(q("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
        + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
  }
}
