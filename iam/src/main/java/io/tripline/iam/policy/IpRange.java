package io.tripline.iam.policy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 CIDR block as IpAddress / NotIpAddress read it (RFC 4632); an address without a
 * prefix length is a single address. Parsing never touches DNS: only literal addresses are
 * accepted.
 *
 * @param network the address bytes (4 or 16)
 * @param prefixLength the number of leading bits that must match
 */
public record IpRange(byte[] network, int prefixLength) {

  private static final java.util.regex.Pattern IPV6_CHARS = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

  /** The range {@code text} denotes, or empty when it is no address or CIDR block. */
  public static Optional<IpRange> parse(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    Optional<byte[]> bytes = address(address);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    int bits = bytes.get().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (!isSmallNumber(p)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
      if (prefix > bits) {
        return Optional.empty();
      }
    }
    return Optional.of(new IpRange(bytes.get(), prefix));
  }

  /** Whether the literal address {@code text} lies inside this range (false for garbage or other families). */
  public boolean contains(String text) {
    Optional<byte[]> candidate = address(text.trim());
    if (candidate.isEmpty() || candidate.get().length != network.length) {
      return false;
    }
    BigInteger mask = prefixLength == 0
        ? BigInteger.ZERO
        : BigInteger.ONE.shiftLeft(prefixLength).subtract(BigInteger.ONE).shiftLeft(network.length * 8 - prefixLength);
    BigInteger a = new BigInteger(1, candidate.get()).and(mask);
    BigInteger b = new BigInteger(1, network).and(mask);
    return a.equals(b);
  }

  private static Optional<byte[]> address(String s) {
    if (s.contains(":")) {
      if (!IPV6_CHARS.matcher(s).matches()) {
        return Optional.empty();
      }
      try {
        // A string with ':' made only of hex digits, ':' and '.' is parsed as an IPv6 literal; no DNS lookup.
        byte[] b = InetAddress.getByName(s).getAddress();
        return b.length == 16 ? Optional.of(b) : Optional.empty();
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (!isSmallNumber(parts[i])) {
        return Optional.empty();
      }
      int v = Integer.parseInt(parts[i]);
      if (v > 255) {
        return Optional.empty();
      }
      b[i] = (byte) v;
    }
    return Optional.of(b);
  }

  private static boolean isSmallNumber(String p) {
    if (p.isEmpty() || p.length() > 3) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (p.charAt(i) < '0' || p.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpRange r && java.util.Arrays.equals(network, r.network) && prefixLength == r.prefixLength;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(network) * 31 + prefixLength;
  }

  @Override
  public String toString() {
    return "IpRange[" + java.util.Arrays.toString(network) + "/" + prefixLength + "]";
  }
}
