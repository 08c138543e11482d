package io.tripline.rego.builtins;

import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A parsed certificate and its value in the shape of Go's x509.Certificate JSON (plus OPA's URIStrings). */
record CertificateObject(X509Certificate certificate, byte[] der) {

  /** Go's x509.ParseCertificates: consecutive DER certificates; null on malformed input. */
  static List<CertificateObject> parseAll(byte[] der) {
    List<CertificateObject> out = new ArrayList<>();
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      for (Der d : Der.parseAll(der)) {
        out.add(new CertificateObject(
            (X509Certificate) f.generateCertificate(new ByteArrayInputStream(d.encoded())), d.encoded()));
      }
      return out;
    } catch (CertificateException | Der.Malformed | ClassCastException e) {
      return null;
    }
  }

  Value toValue() {
    List<Der> cert = Der.parse(der).children();
    Der tbs = cert.get(0);
    List<Der> t = tbs.children();
    int i = t.get(0).isContext(0) ? 1 : 0;
    Der issuer = t.get(i + 2);
    Der subject = t.get(i + 4);
    Der spki = t.get(i + 5);
    Der extensions = null;
    for (Der d : t) {
      if (d.isContext(3)) {
        extensions = d.children().get(0);
      }
    }
    CertificateExtensions x = CertificateExtensions.of(extensions);
    ObjectValue.Builder b = ObjectValue.builder()
        .put("Raw", GoX509Json.bytes(der))
        .put("RawTBSCertificate", GoX509Json.bytes(tbs.encoded()))
        .put("RawSubjectPublicKeyInfo", GoX509Json.bytes(spki.encoded()))
        .put("RawSubject", GoX509Json.bytes(subject.encoded()))
        .put("RawIssuer", GoX509Json.bytes(issuer.encoded()))
        .put("Signature", GoX509Json.bytes(certificate.getSignature()))
        .put("SignatureAlgorithm", NumberValue.of(GoX509Json.signatureAlgorithm(cert.get(1))))
        .put("PublicKeyAlgorithm", NumberValue.of(GoX509Json.publicKeyAlgorithm(spki)))
        .put("PublicKey", GoX509Json.publicKey(certificate.getPublicKey()))
        .put("Version", NumberValue.of(certificate.getVersion()))
        .put("SerialNumber", GoX509Json.big(certificate.getSerialNumber()))
        .put("Issuer", GoX509Json.name(issuer.encoded()))
        .put("Subject", GoX509Json.name(subject.encoded()))
        .put("NotBefore", StringValue.of(goTime(certificate.getNotBefore().toInstant())))
        .put("NotAfter", StringValue.of(goTime(certificate.getNotAfter().toInstant())))
        .put("KeyUsage", NumberValue.of(x.keyUsage))
        .put("Extensions", x.extensionList())
        .put("ExtraExtensions", NullValue.NULL)
        .put("UnhandledCriticalExtensions", NullValue.NULL)
        .put("ExtKeyUsage", CertificateExtensions.list(x.extKeyUsage))
        .put("UnknownExtKeyUsage", CertificateExtensions.list(x.unknownExtKeyUsage))
        .put("BasicConstraintsValid", BooleanValue.of(x.basicConstraintsValid))
        .put("IsCA", BooleanValue.of(x.isCa))
        .put("MaxPathLen", NumberValue.of(x.maxPathLen))
        .put("MaxPathLenZero", BooleanValue.of(x.maxPathLenZero))
        .put("SubjectKeyId", GoX509Json.bytes(x.subjectKeyId))
        .put("AuthorityKeyId", GoX509Json.bytes(x.authorityKeyId))
        .put("OCSPServer", CertificateExtensions.text(x.ocsp))
        .put("IssuingCertificateURL", CertificateExtensions.text(x.issuingUrls))
        .put("PermittedDNSDomainsCritical", BooleanValue.FALSE)
        .put("PermittedDNSDomains", NullValue.NULL)
        .put("ExcludedDNSDomains", NullValue.NULL)
        .put("PermittedIPRanges", NullValue.NULL)
        .put("ExcludedIPRanges", NullValue.NULL)
        .put("PermittedEmailAddresses", NullValue.NULL)
        .put("ExcludedEmailAddresses", NullValue.NULL)
        .put("PermittedURIDomains", NullValue.NULL)
        .put("ExcludedURIDomains", NullValue.NULL)
        .put("CRLDistributionPoints", CertificateExtensions.text(x.crlPoints))
        .put("PolicyIdentifiers", CertificateExtensions.list(x.policyIds))
        .put("Policies", CertificateExtensions.text(x.policies))
        .put("InhibitAnyPolicy", NumberValue.ZERO)
        .put("InhibitAnyPolicyZero", BooleanValue.FALSE)
        .put("InhibitPolicyMapping", NumberValue.ZERO)
        .put("InhibitPolicyMappingZero", BooleanValue.FALSE)
        .put("RequireExplicitPolicy", NumberValue.ZERO)
        .put("RequireExplicitPolicyZero", BooleanValue.FALSE)
        .put("PolicyMappings", NullValue.NULL)
        .put("URIStrings", CertificateExtensions.text(x.uris));
    x.putNames(b);
    return b.build();
  }

  /** Go's time.Time JSON (RFC 3339 with nanoseconds trimmed). */
  static String goTime(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }
}
