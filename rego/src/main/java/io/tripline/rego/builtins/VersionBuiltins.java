package io.tripline.rego.builtins;

import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.NumberValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.util.UUID;

/** {@code semver.is_valid}, {@code semver.compare}, {@code uuid.rfc4122} and {@code uuid.parse}. */
final class VersionBuiltins {
  private static final long GREGORIAN_TO_UNIX_100NS = 122_192_928_000_000_000L;

  private VersionBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    t.function("semver.is_valid", Signature.of(Type.BOOLEAN, Type.ANY),
        (c, a) -> BooleanValue.of(a.get(0) instanceof StringValue s && SemVer.parse(s.value()) != null));
    t.function("semver.compare", Signature.of(Type.NUMBER, Type.STRING, Type.STRING), (c, a) -> {
      String x = a.string(0);
      String y = a.string(1);
      SemVer vx = SemVer.parse(x);
      if (vx == null) {
        throw a.error("operand 1: string " + x + " is not a valid SemVer");
      }
      SemVer vy = SemVer.parse(y);
      if (vy == null) {
        throw a.error("operand 2: string " + y + " is not a valid SemVer");
      }
      return NumberValue.of(vx.compareTo(vy));
    });
    t.function("uuid.rfc4122", Signature.of(Type.STRING, Type.STRING), (c, a) -> {
      String seed = a.string(0);
      return c.cached(new UuidKey(seed), () -> StringValue.of(UUID.randomUUID().toString()));
    });
    t.function("uuid.parse", Signature.of(Type.objectOf(Type.STRING, Type.ANY), Type.STRING),
        (c, a) -> parseUuid(a.string(0)));
  }

  private record UuidKey(String seed) {}

  /** Google's uuid.Parse forms: plain, {braced}, urn:uuid:, or 32 hex digits; null when invalid. */
  private static byte[] uuidBytes(String s) {
    String hex;
    if (s.length() == 32) {
      hex = s;
    } else {
      String body;
      if (s.length() == 36) {
        body = s;
      } else if (s.length() == 45 && s.substring(0, 9).equalsIgnoreCase("urn:uuid:")) {
        body = s.substring(9);
      } else if (s.length() == 38) {
        body = s.substring(1, 37);
      } else {
        return null;
      }
      if (body.charAt(8) != '-' || body.charAt(13) != '-' || body.charAt(18) != '-' || body.charAt(23) != '-') {
        return null;
      }
      hex = body.replace("-", "");
      if (hex.length() != 32) {
        return null;
      }
    }
    byte[] out = new byte[16];
    for (int i = 0; i < 16; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0 || hex.charAt(2 * i) > 'f' || hex.charAt(2 * i + 1) > 'f') {
        return null;
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  private static Value parseUuid(String s) {
    byte[] u = uuidBytes(s);
    if (u == null) {
      return null;
    }
    int version = (u[6] & 0xff) >> 4;
    ObjectValue.Builder out = ObjectValue.builder();
    out.put("version", NumberValue.of(version));
    out.put("variant", StringValue.of(variant(u[8] & 0xff)));
    if (version == 1 || version == 2) {
      long time = uint(u, 0, 4) | (uint(u, 4, 2) << 32) | ((uint(u, 6, 2) & 0xfff) << 48);
      long sinceUnix = time - GREGORIAN_TO_UNIX_100NS;
      long sec = sinceUnix / 10_000_000L;
      long nsec = (sinceUnix % 10_000_000L) * 100;
      out.put("time", NumberValue.of(sec * 1_000_000_000L + nsec));
      StringBuilder node = new StringBuilder();
      for (int i = 10; i < 16; i++) {
        node.append(i > 10 ? "-" : "").append(String.format("%02x", u[i] & 0xff));
      }
      out.put("nodeid", StringValue.of(node.toString()));
      out.put("macvariables", StringValue.of(macVariables(u[10] & 0xff)));
      out.put("clocksequence", NumberValue.of(uint(u, 8, 2) & 0x3fff));
      if (version == 2) {
        out.put("id", NumberValue.of(uint(u, 0, 4)));
        int domain = u[9] & 0xff;
        out.put("domain", StringValue.of(switch (domain) {
          case 0 -> "Person";
          case 1 -> "Group";
          case 2 -> "Org";
          default -> "Domain" + domain;
        }));
      }
    }
    return out.build();
  }

  private static long uint(byte[] b, int from, int n) {
    long v = 0;
    for (int i = from; i < from + n; i++) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }

  private static String variant(int b8) {
    if ((b8 & 0xc0) == 0x80) {
      return "RFC4122";
    } else if ((b8 & 0xe0) == 0xc0) {
      return "Microsoft";
    } else if ((b8 & 0xe0) == 0xe0) {
      return "Future";
    }
    return "Reserved";
  }

  private static String macVariables(int b) {
    if ((b & 3) == 3) {
      return "local:multicast";
    } else if ((b & 1) == 1) {
      return "global:multicast";
    } else if ((b & 2) == 2) {
      return "local:unicast";
    }
    return "global:unicast";
  }
}
