package io.tripline.rego.builtins;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An IPv4 (4 bytes) or IPv6 (16 bytes) address parsed and printed as Go's {@code net} package
 * does; parsing never resolves names.
 */
record IpAddress(byte[] bytes) {

  /** Go's net.ParseIP: a dotted IPv4 address or an IPv6 address (no zone); null otherwise. */
  static IpAddress parse(String s) {
    if (s.indexOf(':') >= 0) {
      byte[] v6 = parseV6(s);
      return v6 == null ? null : new IpAddress(v6);
    }
    byte[] v4 = parseV4(s);
    return v4 == null ? null : new IpAddress(v4);
  }

  private static byte[] parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte[] parseV6(String s) {
    byte[] out = new byte[16];
    int ellipsis = -1;
    int j = 0;
    int i = 0;
    if (s.startsWith("::")) {
      ellipsis = 0;
      i = 2;
      if (i == s.length()) {
        return out;
      }
    }
    while (j < 16) {
      int start = i;
      int value = 0;
      while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
        value = value * 16 + Character.digit(s.charAt(i), 16);
        i++;
      }
      if (i == start) {
        return null;
      }
      if (i < s.length() && s.charAt(i) == '.') {
        if (ellipsis < 0 && j != 12 || j + 4 > 16) {
          return null;
        }
        int end = s.length();
        byte[] v4 = parseV4(s.substring(start, end));
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, out, j, 4);
        j += 4;
        i = end;
        break;
      }
      if (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
        return null;
      }
      out[j++] = (byte) (value >> 8);
      out[j++] = (byte) value;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != ':' || i + 1 == s.length()) {
        return null;
      }
      i++;
      if (s.charAt(i) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = j;
        i++;
        if (i == s.length()) {
          break;
        }
      }
    }
    if (i != s.length()) {
      return null;
    }
    if (j < 16) {
      if (ellipsis < 0) {
        return null;
      }
      int n = 16 - j;
      for (int k = j - 1; k >= ellipsis; k--) {
        out[k + n] = out[k];
      }
      Arrays.fill(out, ellipsis, ellipsis + n, (byte) 0);
    } else if (ellipsis >= 0) {
      return null;
    }
    return out;
  }

  boolean isV4() {
    return bytes.length == 4;
  }

  /** The IPv4 form of a 4-byte or IPv4-mapped address, else null (Go's To4). */
  byte[] to4() {
    if (bytes.length == 4) {
      return bytes;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return null;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff ? Arrays.copyOfRange(bytes, 12, 16) : null;
  }

  /** The address in the 128-bit space Go's CIDR merge uses (IPv4 as ::ffff:a.b.c.d). */
  BigInteger mapped() {
    byte[] v4 = to4();
    if (v4 != null) {
      return BigInteger.valueOf(0xffffL).shiftLeft(32).or(new BigInteger(1, v4));
    }
    return new BigInteger(1, bytes);
  }

  static IpAddress of(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[length];
    int n = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - n, out, length - n, n);
    return new IpAddress(out);
  }

  /** Go's IP.String: dotted IPv4 (also for IPv4-mapped), RFC 5952 IPv6. */
  @Override
  public String toString() {
    byte[] v4 = to4();
    if (v4 != null) {
      return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 16; i += 2) {
      int j = i;
      while (j < 16 && bytes[j] == 0 && bytes[j + 1] == 0) {
        j += 2;
      }
      if (j - i > bestLen && j - i >= 4) {
        bestStart = i;
        bestLen = j - i;
      }
      if (j > i) {
        i = j - 2;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i += 2) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 2;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
