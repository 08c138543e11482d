package io.tripline.core.enrich;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Literal IP addresses only: a host name such as {@code config.amazonaws.com} is never resolved. */
final class IpAddresses {
  private IpAddresses() {}

  /** The address, or null when {@code s} is not an IPv4 or IPv6 literal. */
  static InetAddress parse(String s) {
    if (s == null || s.isEmpty() || s.length() > 45) {
      return null;
    }
    boolean v4 = true;
    int dots = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        v4 = false;
      }
    }
    boolean v6 = s.indexOf(':') >= 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    if (!(v4 && dots == 3) && !v6) {
      return null;
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }

  /** An IPv4 address as an unsigned number, or -1 for IPv6. */
  static long ipv4(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length != 4) {
      return -1;
    }
    return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
  }
}
