package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NullValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The X.509 v3 extensions of a certificate or CSR, decoded into the fields Go's x509 package fills. */
final class CertificateExtensions {
  static final Map<String, Integer> EXT_KEY_USAGES = Map.ofEntries(
      Map.entry("2.5.29.37.0", 0), Map.entry("1.3.6.1.5.5.7.3.1", 1), Map.entry("1.3.6.1.5.5.7.3.2", 2),
      Map.entry("1.3.6.1.5.5.7.3.3", 3), Map.entry("1.3.6.1.5.5.7.3.4", 4), Map.entry("1.3.6.1.5.5.7.3.5", 5),
      Map.entry("1.3.6.1.5.5.7.3.6", 6), Map.entry("1.3.6.1.5.5.7.3.7", 7), Map.entry("1.3.6.1.5.5.7.3.8", 8),
      Map.entry("1.3.6.1.5.5.7.3.9", 9), Map.entry("1.3.6.1.4.1.311.10.3.3", 10), Map.entry("2.16.840.1.113730.4.1", 11),
      Map.entry("1.3.6.1.4.1.311.2.1.22", 12), Map.entry("1.3.6.1.4.1.311.61.1.1", 13));

  final List<Value> extensions = new ArrayList<>();
  final List<String> dnsNames = new ArrayList<>();
  final List<String> emails = new ArrayList<>();
  final List<String> ips = new ArrayList<>();
  final List<String> uris = new ArrayList<>();
  final List<String> ocsp = new ArrayList<>();
  final List<String> issuingUrls = new ArrayList<>();
  final List<String> crlPoints = new ArrayList<>();
  final List<Value> policyIds = new ArrayList<>();
  final List<String> policies = new ArrayList<>();
  final List<Value> extKeyUsage = new ArrayList<>();
  final List<Value> unknownExtKeyUsage = new ArrayList<>();
  int keyUsage;
  boolean basicConstraintsValid;
  boolean isCa;
  int maxPathLen;
  boolean maxPathLenZero;
  byte[] subjectKeyId;
  byte[] authorityKeyId;

  /** Decodes a SEQUENCE OF Extension. */
  static CertificateExtensions of(Der sequence) {
    CertificateExtensions x = new CertificateExtensions();
    if (sequence == null) {
      return x;
    }
    for (Der ext : sequence.children()) {
      List<Der> f = ext.children();
      boolean critical = f.size() == 3 && f.get(1).content().length > 0 && f.get(1).content()[0] != 0;
      byte[] value = f.get(f.size() - 1).content();
      x.extensions.add(ObjectValue.builder().put("Id", GoX509Json.oidArcs(f.get(0)))
          .put("Critical", BooleanValue.of(critical)).put("Value", GoX509Json.bytes(value)).build());
      x.read(f.get(0).oid(), value);
    }
    return x;
  }

  private void read(String oid, byte[] value) {
    switch (oid) {
      case "2.5.29.17" -> generalNames(Der.parse(value), dnsNames, emails, ips, uris);
      case "2.5.29.15" -> {
        byte[] bits = Der.parse(value).bits();
        for (int i = 0; i < 9; i++) {
          if (i / 8 < bits.length && (bits[i / 8] & (0x80 >> (i % 8))) != 0) {
            keyUsage |= 1 << i;
          }
        }
      }
      case "2.5.29.37" -> {
        for (Der o : Der.parse(value).children()) {
          Integer k = EXT_KEY_USAGES.get(o.oid());
          if (k != null) {
            extKeyUsage.add(NumberValue.of(k));
          } else {
            unknownExtKeyUsage.add(GoX509Json.oidArcs(o));
          }
        }
      }
      case "2.5.29.19" -> {
        basicConstraintsValid = true;
        maxPathLen = -1;
        for (Der d : Der.parse(value).children()) {
          if (d.tag() == 0x01) {
            isCa = d.content().length > 0 && d.content()[0] != 0;
          } else if (d.tag() == Der.INTEGER) {
            maxPathLen = d.integer().intValue();
            maxPathLenZero = maxPathLen == 0;
          }
        }
      }
      case "2.5.29.14" -> subjectKeyId = Der.parse(value).content();
      case "2.5.29.35" -> {
        for (Der d : Der.parse(value).children()) {
          if (d.isContext(0)) {
            authorityKeyId = d.content();
          }
        }
      }
      case "1.3.6.1.5.5.7.1.1" -> {
        for (Der ad : Der.parse(value).children()) {
          List<Der> f = ad.children();
          if (f.size() == 2 && f.get(1).isContext(6)) {
            String loc = new String(f.get(1).content(), StandardCharsets.US_ASCII);
            if (f.get(0).oid().equals("1.3.6.1.5.5.7.48.1")) {
              ocsp.add(loc);
            } else if (f.get(0).oid().equals("1.3.6.1.5.5.7.48.2")) {
              issuingUrls.add(loc);
            }
          }
        }
      }
      case "2.5.29.31" -> {
        for (Der dp : Der.parse(value).children()) {
          for (Der part : dp.children()) {
            if (part.isContext(0)) {
              for (Der name : part.children()) {
                if (name.isContext(0)) {
                  for (Der gn : name.children()) {
                    if (gn.isContext(6)) {
                      crlPoints.add(new String(gn.content(), StandardCharsets.US_ASCII));
                    }
                  }
                }
              }
            }
          }
        }
      }
      case "2.5.29.32" -> {
        for (Der pi : Der.parse(value).children()) {
          Der id = pi.children().get(0);
          policyIds.add(GoX509Json.oidArcs(id));
          policies.add(id.oid());
        }
      }
      default -> { }
    }
  }

  /** GeneralNames into Go's DNSNames, EmailAddresses, IPAddresses and URIs. */
  static void generalNames(Der names, List<String> dns, List<String> emails, List<String> ips, List<String> uris) {
    for (Der gn : names.children()) {
      if (gn.isContext(1)) {
        emails.add(new String(gn.content(), StandardCharsets.US_ASCII));
      } else if (gn.isContext(2)) {
        dns.add(new String(gn.content(), StandardCharsets.US_ASCII));
      } else if (gn.isContext(6)) {
        uris.add(new String(gn.content(), StandardCharsets.US_ASCII));
      } else if (gn.isContext(7) && (gn.content().length == 4 || gn.content().length == 16)) {
        ips.add(new IpAddress(gn.content()).toString());
      }
    }
  }

  /** The SAN-derived fields as Go marshals them. */
  void putNames(ObjectValue.Builder b) {
    b.put("DNSNames", GoX509Json.strings(dnsNames))
        .put("EmailAddresses", GoX509Json.strings(emails))
        .put("IPAddresses", GoX509Json.strings(ips))
        .put("URIs", uris.isEmpty() ? NullValue.NULL : ArrayValue.of(uris.stream().map(GoX509Json::url).toList()));
  }

  Value extensionList() {
    return extensions.isEmpty() ? NullValue.NULL : ArrayValue.of(extensions);
  }

  static Value list(List<Value> values) {
    return values.isEmpty() ? NullValue.NULL : ArrayValue.of(values);
  }

  static Value text(List<String> values) {
    return GoX509Json.strings(values);
  }

  static StringValue str(String s) {
    return StringValue.of(s);
  }
}
