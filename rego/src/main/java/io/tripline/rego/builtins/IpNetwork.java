package io.tripline.rego.builtins;

import java.math.BigInteger;

/** A CIDR block as Go's net.IPNet: a (masked) address and a prefix length. */
record IpNetwork(IpAddress ip, int prefix) {

  /** Go's net.ParseCIDR; null when s is not a CIDR. */
  static IpNetwork parse(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return null;
    }
    IpAddress ip = IpAddress.parse(s.substring(0, slash));
    String mask = s.substring(slash + 1);
    if (ip == null || mask.isEmpty() || mask.length() > 3 || !mask.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int bits = ip.bytes().length * 8;
    int n = Integer.parseInt(mask);
    if (n > bits) {
      return null;
    }
    return new IpNetwork(masked(ip, n), n);
  }

  static IpAddress masked(IpAddress ip, int prefix) {
    byte[] b = ip.bytes().clone();
    for (int i = 0; i < b.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      b[i] &= (byte) (0xff << (8 - keep));
    }
    return new IpAddress(b);
  }

  int bits() {
    return ip.bytes().length * 8;
  }

  /** Go's IPNet.Contains: an IPv4-mapped address counts as IPv4; families must match. */
  boolean contains(IpAddress other) {
    byte[] x = other.to4() != null ? other.to4() : other.bytes();
    if (x.length != ip.bytes().length) {
      return false;
    }
    return masked(new IpAddress(x), prefix).equals(ip);
  }

  /** The last address of the block, in the block's own family. */
  IpAddress last() {
    BigInteger first = new BigInteger(1, ip.bytes());
    BigInteger hostMask = BigInteger.ONE.shiftLeft(bits() - prefix).subtract(BigInteger.ONE);
    return IpAddress.of(first.or(hostMask), ip.bytes().length);
  }

  @Override
  public String toString() {
    return ip + "/" + prefix;
  }
}
