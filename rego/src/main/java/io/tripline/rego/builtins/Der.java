package io.tripline.rego.builtins;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A DER element (tag, content, whole encoding) and a minimal reader for the ASN.1 X.509 and PKCS use. */
record Der(int tag, byte[] content, byte[] encoded) {
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int OID = 0x06;
  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;

  /** Thrown for malformed encodings. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** Parses exactly one element from bytes (trailing data is an error). */
  static Der parse(byte[] bytes) {
    List<Der> all = parseAll(bytes);
    if (all.size() != 1) {
      throw new Malformed(all.isEmpty() ? "empty" : "trailing data");
    }
    return all.get(0);
  }

  /** Parses consecutive elements. */
  static List<Der> parseAll(byte[] bytes) {
    List<Der> out = new ArrayList<>();
    int i = 0;
    while (i < bytes.length) {
      int start = i;
      if (i + 2 > bytes.length) {
        throw new Malformed("truncated");
      }
      int tag = bytes[i++] & 0xff;
      if ((tag & 0x1f) == 0x1f) {
        throw new Malformed("high tag numbers are not supported");
      }
      int len = bytes[i++] & 0xff;
      if (len >= 0x80) {
        int n = len & 0x7f;
        if (n == 0 || n > 4 || i + n > bytes.length) {
          throw new Malformed("bad length");
        }
        len = 0;
        for (int k = 0; k < n; k++) {
          len = (len << 8) | (bytes[i++] & 0xff);
        }
        if (len < 0) {
          throw new Malformed("bad length");
        }
      }
      if (i + len > bytes.length) {
        throw new Malformed("truncated");
      }
      out.add(new Der(tag, Arrays.copyOfRange(bytes, i, i + len), Arrays.copyOfRange(bytes, start, i + len)));
      i += len;
    }
    return out;
  }

  boolean constructed() {
    return (tag & 0x20) != 0;
  }

  /** Whether this is a context-specific tag [n]. */
  boolean isContext(int n) {
    return (tag & 0xc0) == 0x80 && (tag & 0x1f) == n;
  }

  List<Der> children() {
    return parseAll(content);
  }

  BigInteger integer() {
    if (tag != INTEGER || content.length == 0) {
      throw new Malformed("expected INTEGER");
    }
    return new BigInteger(content);
  }

  /** The bits of a BIT STRING, without the unused-bits byte. */
  byte[] bits() {
    if (tag != BIT_STRING || content.length == 0) {
      throw new Malformed("expected BIT STRING");
    }
    return Arrays.copyOfRange(content, 1, content.length);
  }

  /** An OBJECT IDENTIFIER as its arcs. */
  List<Long> oidArcs() {
    if (tag != OID || content.length == 0) {
      throw new Malformed("expected OBJECT IDENTIFIER");
    }
    List<Long> arcs = new ArrayList<>();
    long v = 0;
    boolean first = true;
    for (byte b : content) {
      v = (v << 7) | (b & 0x7f);
      if ((b & 0x80) == 0) {
        if (first) {
          long a = Math.min(v / 40, 2);
          arcs.add(a);
          arcs.add(v - a * 40);
          first = false;
        } else {
          arcs.add(v);
        }
        v = 0;
      }
    }
    return arcs;
  }

  String oid() {
    StringBuilder sb = new StringBuilder();
    for (long a : oidArcs()) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(a);
    }
    return sb.toString();
  }

  /** Encodes a SEQUENCE (or other tag) around already-encoded children. */
  static byte[] encode(int tag, byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] header;
    if (len < 0x80) {
      header = new byte[] {(byte) tag, (byte) len};
    } else if (len < 0x100) {
      header = new byte[] {(byte) tag, (byte) 0x81, (byte) len};
    } else if (len < 0x10000) {
      header = new byte[] {(byte) tag, (byte) 0x82, (byte) (len >> 8), (byte) len};
    } else {
      header = new byte[] {(byte) tag, (byte) 0x83, (byte) (len >> 16), (byte) (len >> 8), (byte) len};
    }
    byte[] out = Arrays.copyOf(header, header.length + len);
    int at = header.length;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  static byte[] integer(BigInteger v) {
    return encode(INTEGER, v.toByteArray());
  }
}
