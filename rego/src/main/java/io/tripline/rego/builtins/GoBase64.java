package io.tripline.rego.builtins;

import java.io.ByteArrayOutputStream;

/**
 * Go's {@code encoding/base64} decoding with padding required (StdEncoding, URLEncoding): line
 * breaks are skipped, anything else out of the alphabet fails with Go's message
 * {@code illegal base64 data at input byte N}.
 */
final class GoBase64 {
  private GoBase64() {}

  /** The decoded bytes; throws IllegalArgumentException with Go's message. */
  static byte[] decode(String text, boolean url) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
    int[] quantum = new int[4];
    int n = 0;
    int i = 0;
    int len = text.length();
    while (i < len) {
      char ch = text.charAt(i);
      if (ch == '\r' || ch == '\n') {
        i++;
        continue;
      }
      if (ch == '=') {
        if (n < 2) {
          throw illegal(i);
        }
        int j = nextSignificant(text, i + 1);
        if (n == 2) {
          if (j >= len) {
            throw illegal(len);
          }
          if (text.charAt(j) != '=') {
            throw illegal(j);
          }
          j = nextSignificant(text, j + 1);
        }
        if (j < len) {
          throw illegal(j);
        }
        flush(out, quantum, n);
        return out.toByteArray();
      }
      int v = value(ch, url);
      if (v < 0) {
        throw illegal(i);
      }
      quantum[n++] = v;
      if (n == 4) {
        flush(out, quantum, 4);
        n = 0;
      }
      i++;
    }
    if (n != 0) {
      throw illegal(len - (n == 1 ? 1 : 0));
    }
    return out.toByteArray();
  }

  private static int nextSignificant(String s, int from) {
    int j = from;
    while (j < s.length() && (s.charAt(j) == '\r' || s.charAt(j) == '\n')) {
      j++;
    }
    return j;
  }

  private static void flush(ByteArrayOutputStream out, int[] q, int n) {
    int bits = 0;
    for (int k = 0; k < 4; k++) {
      bits = (bits << 6) | (k < n ? q[k] : 0);
    }
    out.write((bits >> 16) & 0xff);
    if (n > 2) {
      out.write((bits >> 8) & 0xff);
    }
    if (n > 3) {
      out.write(bits & 0xff);
    }
  }

  private static int value(char c, boolean url) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    } else if (c == (url ? '-' : '+')) {
      return 62;
    } else if (c == (url ? '_' : '/')) {
      return 63;
    }
    return -1;
  }

  private static IllegalArgumentException illegal(int at) {
    return new IllegalArgumentException("illegal base64 data at input byte " + at);
  }
}
