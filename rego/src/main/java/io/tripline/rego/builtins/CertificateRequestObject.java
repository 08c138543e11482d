package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/** A PKCS #10 certificate signing request as Go's x509.CertificateRequest JSON. */
final class CertificateRequestObject {
  private static final String EXTENSION_REQUEST = "1.2.840.113549.1.9.14";

  private CertificateRequestObject() {}

  static Value of(byte[] der) throws GeneralSecurityException {
    List<Der> csr = Der.parse(der).children();
    Der info = csr.get(0);
    List<Der> f = info.children();
    Der subject = f.get(1);
    Der spki = f.get(2);
    List<Value> attributes = new ArrayList<>();
    Der extensions = null;
    for (Der d : f) {
      if (!d.isContext(0)) {
        continue;
      }
      for (Der attr : d.children()) {
        List<Der> av = attr.children();
        List<Value> sets = new ArrayList<>();
        for (Der value : av.get(1).children()) {
          if (av.get(0).oid().equals(EXTENSION_REQUEST)) {
            extensions = value;
          }
          List<Value> pairs = new ArrayList<>();
          if (value.tag() == Der.SEQUENCE) {
            for (Der pair : value.children()) {
              if (pair.tag() == Der.SEQUENCE && !pair.children().isEmpty() && pair.children().get(0).tag() == Der.OID) {
                List<Der> pv = pair.children();
                pairs.add(ObjectValue.builder().put("Type", GoX509Json.oidArcs(pv.get(0)))
                    .put("Value", pv.size() > 1 ? scalar(pv.get(pv.size() - 1)) : NullValue.NULL).build());
              }
            }
          }
          sets.add(ArrayValue.of(pairs));
        }
        attributes.add(ObjectValue.builder().put("Type", GoX509Json.oidArcs(av.get(0))).put("Value", ArrayValue.of(sets)).build());
      }
    }
    CertificateExtensions x = CertificateExtensions.of(extensions);
    ObjectValue.Builder b = ObjectValue.builder()
        .put("Raw", GoX509Json.bytes(der))
        .put("RawTBSCertificateRequest", GoX509Json.bytes(info.encoded()))
        .put("RawSubjectPublicKeyInfo", GoX509Json.bytes(spki.encoded()))
        .put("RawSubject", GoX509Json.bytes(subject.encoded()))
        .put("Version", NumberValue.of(f.get(0).integer().intValue()))
        .put("Signature", GoX509Json.bytes(csr.get(2).bits()))
        .put("SignatureAlgorithm", NumberValue.of(GoX509Json.signatureAlgorithm(csr.get(1))))
        .put("PublicKeyAlgorithm", NumberValue.of(GoX509Json.publicKeyAlgorithm(spki)))
        .put("PublicKey", GoX509Json.publicKey(KeyMaterial.publicKey(spki.encoded())))
        .put("Subject", GoX509Json.name(subject.encoded()))
        .put("Attributes", attributes.isEmpty() ? NullValue.NULL : ArrayValue.of(attributes))
        .put("Extensions", x.extensionList())
        .put("ExtraExtensions", NullValue.NULL);
    x.putNames(b);
    return b.build();
  }

  private static Value scalar(Der d) {
    if (d.tag() == 0x01) {
      return BooleanValue.of(d.content().length > 0 && d.content()[0] != 0);
    }
    if (d.tag() == Der.OCTET_STRING) {
      return GoX509Json.bytes(d.content());
    }
    if (d.tag() == Der.INTEGER) {
      return NumberValue.of(d.integer());
    }
    return io.tripline.rego.value.StringValue.of(GoX509Json.text(d));
  }
}
