package io.tripline.rego.builtins;

import static io.tripline.rego.builtins.FixedContext.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class X509BuiltinsTest {
  /** 2033-05-18, inside every fixture certificate's validity. */
  private final FixedContext ctx = new FixedContext(2_000_000_000_000_000_000L);

  private static String fixture(String name) {
    try (InputStream in = X509BuiltinsTest.class.getResourceAsStream("x509/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Value call(String name, String... operands) {
    return ctx.callValues(name, java.util.Arrays.stream(operands).map(s -> (Value) StringValue.of(s)).toList());
  }

  @Test
  void parsesCertificatesInGoShape() {
    ArrayValue certs = (ArrayValue) call("crypto.x509.parse_certificates", fixture("leaf.crt"));
    assertThat(certs.size()).isEqualTo(1);
    ObjectValue leaf = (ObjectValue) certs.get(0);
    assertThat(((ObjectValue) leaf.get("Subject")).get("CommonName")).isEqualTo(StringValue.of("www.example.com"));
    assertThat(((ObjectValue) leaf.get("Subject")).get("Province")).isEqualTo(json("[\"Oregon\"]"));
    assertThat(((ObjectValue) leaf.get("Subject")).get("OrganizationalUnit")).isEqualTo(NullValue.NULL);
    assertThat(((ObjectValue) leaf.get("Issuer")).get("CommonName")).isEqualTo(StringValue.of("Tripline Test Intermediate"));
    assertThat(leaf.get("SerialNumber")).isEqualTo(NumberValue.of(0x1234567890abcdefL));
    assertThat(leaf.get("Version")).isEqualTo(NumberValue.of(3));
    assertThat(leaf.get("SignatureAlgorithm")).isEqualTo(NumberValue.of(10));
    assertThat(leaf.get("PublicKeyAlgorithm")).isEqualTo(NumberValue.of(1));
    assertThat(((ObjectValue) leaf.get("PublicKey")).get("E")).isEqualTo(NumberValue.of(65537));
    assertThat(leaf.get("DNSNames")).isEqualTo(json("[\"www.example.com\",\"*.api.example.com\"]"));
    assertThat(leaf.get("IPAddresses")).isEqualTo(json("[\"10.0.0.1\",\"2001:db8::1\"]"));
    assertThat(leaf.get("EmailAddresses")).isEqualTo(json("[\"ops@example.com\"]"));
    assertThat(leaf.get("URIStrings")).isEqualTo(json("[\"spiffe://example.com/leaf\"]"));
    assertThat(((ObjectValue) ((ArrayValue) leaf.get("URIs")).get(0)).get("Host")).isEqualTo(StringValue.of("example.com"));
    assertThat(leaf.get("KeyUsage")).isEqualTo(NumberValue.of(5));
    assertThat(leaf.get("ExtKeyUsage")).isEqualTo(json("[1,2]"));
    assertThat(leaf.get("BasicConstraintsValid")).isEqualTo(BooleanValue.TRUE);
    assertThat(leaf.get("IsCA")).isEqualTo(BooleanValue.FALSE);
    assertThat(leaf.get("MaxPathLen")).isEqualTo(NumberValue.of(-1));
    assertThat(leaf.get("OCSPServer")).isEqualTo(json("[\"http://ocsp.example.com\"]"));
    assertThat(leaf.get("IssuingCertificateURL")).isEqualTo(json("[\"http://ca.example.com/inter.crt\"]"));
    assertThat(leaf.get("CRLDistributionPoints")).isEqualTo(json("[\"http://crl.example.com/inter.crl\"]"));
    assertThat(leaf.get("PolicyIdentifiers")).isEqualTo(json("[[2,23,140,1,2,1]]"));
    assertThat(((StringValue) leaf.get("NotAfter")).value()).startsWith("2122-");
    assertThat(((ArrayValue) leaf.get("Extensions")).size()).isEqualTo(9);
    assertThat(((ObjectValue) ((ArrayValue) leaf.get("Extensions")).get(0)).get("Id")).isEqualTo(json("[2,5,29,19]"));

    ObjectValue inter = (ObjectValue) ((ArrayValue) call("crypto.x509.parse_certificates", fixture("inter.crt"))).get(0);
    assertThat(inter.get("IsCA")).isEqualTo(BooleanValue.TRUE);
    assertThat(inter.get("MaxPathLenZero")).isEqualTo(BooleanValue.TRUE);
    assertThat(inter.get("PublicKeyAlgorithm")).isEqualTo(NumberValue.of(3));
    assertThat(((ObjectValue) inter.get("PublicKey")).get("Curve")).isEqualTo(ObjectValue.EMPTY);

    String bundle = fixture("root.crt") + fixture("inter.crt");
    assertThat(((ArrayValue) call("crypto.x509.parse_certificates", bundle)).size()).isEqualTo(2);
    String b64 = Base64.getEncoder().encodeToString(bundle.getBytes(StandardCharsets.US_ASCII));
    assertThat(((ArrayValue) call("crypto.x509.parse_certificates", b64)).size()).isEqualTo(2);
  }

  @Test
  void parseErrorsAreGos() {
    assertThatThrownBy(() -> call("crypto.x509.parse_certificates", "YmFkc3RyaW5n"))
        .hasMessage("crypto.x509.parse_certificates: x509: malformed certificate");
    assertThatThrownBy(() -> call("crypto.x509.parse_certificates", fixture("leaf.csr")))
        .hasMessage("crypto.x509.parse_certificates: PEM block type is 'CERTIFICATE REQUEST', expected CERTIFICATE");
    assertThatThrownBy(() -> call("crypto.x509.parse_certificates", "not base64!"))
        .hasMessage("crypto.x509.parse_certificates: illegal base64 data at input byte 3");
  }

  @Test
  void verifiesChainsRootFirst() {
    String chain = fixture("root.crt") + fixture("inter.crt") + fixture("leaf.crt");
    ArrayValue ok = (ArrayValue) call("crypto.x509.parse_and_verify_certificates", chain);
    assertThat(ok.get(0)).isEqualTo(BooleanValue.TRUE);
    ArrayValue verified = (ArrayValue) ok.get(1);
    assertThat(((ObjectValue) ((ObjectValue) verified.get(0)).get("Subject")).get("CommonName")).isEqualTo(StringValue.of("www.example.com"));
    assertThat(((ObjectValue) ((ObjectValue) verified.get(2)).get("Subject")).get("CommonName")).isEqualTo(StringValue.of("Tripline Test Root"));
    assertThat(call("crypto.x509.parse_and_verify_certificates", fixture("root.crt") + fixture("leaf.crt")))
        .isEqualTo(json("[false, []]"));
    assertThat(call("crypto.x509.parse_and_verify_certificates", fixture("leaf.crt"))).isEqualTo(json("[false, []]"));
    FixedContext before = new FixedContext(1_000_000_000_000_000_000L);
    assertThat(before.callValues("crypto.x509.parse_and_verify_certificates", List.of(StringValue.of(chain))))
        .isEqualTo(json("[false, []]"));
    Value withDns = ctx.callValues("crypto.x509.parse_and_verify_certificates_with_options",
        List.of(StringValue.of(chain), json("{\"DNSName\":\"x.api.example.com\",\"KeyUsages\":[\"KeyUsageClientAuth\"]}")));
    assertThat(((ArrayValue) withDns).get(0)).isEqualTo(BooleanValue.TRUE);
    Value wrongDns = ctx.callValues("crypto.x509.parse_and_verify_certificates_with_options",
        List.of(StringValue.of(chain), json("{\"DNSName\":\"evil.com\"}")));
    assertThat(((ArrayValue) wrongDns).get(0)).isEqualTo(BooleanValue.FALSE);
  }

  @Test
  void parsesCertificateRequests() {
    ObjectValue csr = (ObjectValue) call("crypto.x509.parse_certificate_request", fixture("leaf.csr"));
    assertThat(((ObjectValue) csr.get("Subject")).get("CommonName")).isEqualTo(StringValue.of("www.example.com"));
    assertThat(csr.get("DNSNames")).isEqualTo(json("[\"www.example.com\"]"));
    assertThat(csr.get("IPAddresses")).isEqualTo(json("[\"10.0.0.1\"]"));
    assertThat(csr.get("Version")).isEqualTo(NumberValue.ZERO);
    assertThat(csr.get("SignatureAlgorithm")).isEqualTo(NumberValue.of(4));
    String b64 = Base64.getEncoder().encodeToString(fixture("leaf.csr").getBytes(StandardCharsets.US_ASCII));
    assertThat(call("crypto.x509.parse_certificate_request", b64)).isEqualTo(csr);
    assertThatThrownBy(() -> call("crypto.x509.parse_certificate_request",
        Base64.getEncoder().encodeToString(fixture("leaf.crt").getBytes(StandardCharsets.US_ASCII))))
        .hasMessage("crypto.x509.parse_certificate_request: invalid PEM-encoded certificate signing request");
  }

  @Test
  void parsesKeysAndKeyPairs() {
    ObjectValue jwk = (ObjectValue) call("crypto.x509.parse_rsa_private_key", fixture("leaf.pkcs1"));
    assertThat(jwk.get("kty")).isEqualTo(StringValue.of("RSA"));
    assertThat(jwk.get("e")).isEqualTo(StringValue.of("AQAB"));
    assertThat(call("crypto.x509.parse_rsa_private_key", fixture("leaf.pk8"))).isEqualTo(jwk);
    assertThatThrownBy(() -> call("crypto.x509.parse_rsa_private_key", "")).hasMessage("crypto.x509.parse_rsa_private_key: input PEM data was empty");

    ArrayValue keys = (ArrayValue) call("crypto.parse_private_keys", fixture("leaf.pkcs1") + fixture("inter.key"));
    assertThat(keys.size()).isEqualTo(2);
    assertThat(((ObjectValue) keys.get(0)).get("E")).isEqualTo(NumberValue.of(65537));
    assertThat(((ObjectValue) keys.get(1)).get("Curve")).isEqualTo(ObjectValue.EMPTY);
    assertThat(call("crypto.parse_private_keys", "")).isEqualTo(NullValue.NULL);
    assertThat(call("crypto.parse_private_keys", "no keys here")).isEqualTo(ArrayValue.EMPTY);

    ObjectValue pair = (ObjectValue) call("crypto.x509.parse_keypair", fixture("leaf.crt"), fixture("leaf.pk8"));
    assertThat(((ArrayValue) pair.get("Certificate")).size()).isEqualTo(1);
    assertThat(((ObjectValue) pair.get("Leaf")).get("DNSNames")).isEqualTo(json("[\"www.example.com\",\"*.api.example.com\"]"));
    assertThatThrownBy(() -> call("crypto.x509.parse_keypair", fixture("leaf.crt"), fixture("inter.key")))
        .hasMessage("crypto.x509.parse_keypair: tls: private key does not match public key");
  }
}
