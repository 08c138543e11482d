package io.tripline.rego.builtins;

import io.tripline.rego.value.ArrayValue;
import io.tripline.rego.value.BooleanValue;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.SetValue;
import io.tripline.rego.value.StringValue;
import io.tripline.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OPA's byte encodings: {@code base64.*}, {@code base64url.*}, {@code hex.*} and
 * {@code urlquery.*}, with Go's alphabets, padding rules and error messages.
 */
final class EncodingBuiltins {
  private static final String HEX = "0123456789abcdef";

  private EncodingBuiltins() {}

  static void register(BuiltinTable.Builder t) {
    Signature unary = Signature.of(Type.STRING, Type.STRING);
    Signature check = Signature.of(Type.BOOLEAN, Type.STRING);
    t.function("base64.encode", unary, (c, a) -> string(Base64.getEncoder().encodeToString(bytes(a.string(0)))));
    t.function("base64.decode", unary, (c, a) -> decoded(a, () -> GoBase64.decode(a.string(0), false)));
    t.function("base64.is_valid", check, (c, a) -> {
      if (!(a.get(0) instanceof StringValue s)) {
        return BooleanValue.FALSE;
      }
      try {
        GoBase64.decode(s.value(), false);
        return BooleanValue.TRUE;
      } catch (IllegalArgumentException e) {
        return BooleanValue.FALSE;
      }
    });
    t.function("base64url.encode", unary,
        (c, a) -> string(Base64.getUrlEncoder().encodeToString(bytes(a.string(0)))));
    t.function("base64url.encode_no_pad", unary,
        (c, a) -> string(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(a.string(0)))));
    t.function("base64url.decode", unary, EncodingBuiltins::base64UrlDecode);
    t.function("hex.encode", unary, (c, a) -> {
      StringBuilder sb = new StringBuilder();
      for (byte b : bytes(a.string(0))) {
        sb.append(HEX.charAt((b >> 4) & 15)).append(HEX.charAt(b & 15));
      }
      return string(sb.toString());
    });
    t.function("hex.decode", unary, (c, a) -> decoded(a, () -> hexDecode(bytes(a.string(0)))));
    t.function("urlquery.encode", unary, (c, a) -> string(GoUrlQuery.escape(a.string(0))));
    t.function("urlquery.decode", unary, (c, a) -> {
      try {
        return string(GoUrlQuery.unescape(a.string(0)));
      } catch (IllegalArgumentException e) {
        throw a.error(e.getMessage());
      }
    });
    Type values = Type.anyOf(Type.STRING, Type.arrayOf(Type.STRING), Type.setOf(Type.STRING));
    t.function("urlquery.encode_object", Signature.of(Type.STRING, Type.objectOf(Type.STRING, values)),
        EncodingBuiltins::encodeObject);
    t.function("urlquery.decode_object",
        Signature.of(Type.objectOf(Type.STRING, Type.arrayOf(Type.STRING)), Type.STRING),
        EncodingBuiltins::decodeObject);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static StringValue string(String s) {
    return StringValue.of(s);
  }

  private interface Decoder {
    byte[] decode();
  }

  private static Value decoded(Arguments a, Decoder d) {
    a.string(0);
    try {
      return string(new String(d.decode(), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw a.error(e.getMessage());
    }
  }

  private static Value base64UrlDecode(BuiltinContext c, Arguments a) {
    String s = a.string(0);
    if (!s.endsWith("=")) {
      switch (s.length() % 4) {
        case 0 -> { }
        case 2 -> s += "==";
        case 3 -> s += "=";
        default -> throw a.error("illegal base64url string: " + s);
      }
    }
    String padded = s;
    return decoded(a, () -> GoBase64.decode(padded, true));
  }

  /** Go's {@code hex.DecodeString}: invalid bytes reported before an odd length. */
  private static byte[] hexDecode(byte[] src) {
    byte[] out = new byte[src.length / 2];
    int j = 1;
    for (; j < src.length; j += 2) {
      int hi = hexValue(src[j - 1]);
      int lo = hexValue(src[j]);
      out[j / 2] = (byte) (hi << 4 | lo);
    }
    if (src.length % 2 == 1) {
      hexValue(src[j - 1]);
      throw new IllegalArgumentException("encoding/hex: odd length hex string");
    }
    return out;
  }

  private static int hexValue(byte b) {
    int c = b & 0xff;
    int v = Character.digit(c, 16);
    if (c > 'f' || v < 0) {
      throw new IllegalArgumentException("encoding/hex: invalid byte: " + String.format("U+%04X", c) + " '"
          + new String(Character.toChars(c)) + "'");
    }
    return v;
  }

  private static Value encodeObject(BuiltinContext c, Arguments a) {
    ObjectValue o = a.object(0);
    Map<String, List<String>> query = new TreeMap<>(GoJson::compareUtf8);
    for (Map.Entry<Value, Value> e : o.entries()) {
      String key = e.getKey() instanceof StringValue k ? k.value() : e.getKey().toString();
      List<String> vals = new ArrayList<>();
      Value v = e.getValue();
      if (v instanceof StringValue s) {
        vals.add(s.value());
      } else if (v instanceof ArrayValue || v instanceof SetValue) {
        List<Value> items = v instanceof ArrayValue arr ? arr.asList() : ((SetValue) v).elements();
        for (Value item : items) {
          if (!(item instanceof StringValue s)) {
            throw encodeObjectError(a);
          }
          vals.add(s.value());
        }
      } else {
        throw encodeObjectError(a);
      }
      query.computeIfAbsent(key, k -> new ArrayList<>()).addAll(vals);
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      String key = GoUrlQuery.escape(e.getKey());
      for (String v : e.getValue()) {
        if (sb.length() > 0) {
          sb.append('&');
        }
        sb.append(key).append('=').append(GoUrlQuery.escape(v));
      }
    }
    return string(sb.toString());
  }

  private static BuiltinException encodeObjectError(Arguments a) {
    return OperandError.of(a, 0, "values must be string, array[string], or set[string]");
  }

  private static Value decodeObject(BuiltinContext c, Arguments a) {
    Map<String, List<String>> parsed;
    try {
      parsed = GoUrlQuery.parse(a.string(0));
    } catch (IllegalArgumentException e) {
      throw a.error(e.getMessage());
    }
    ObjectValue.Builder out = ObjectValue.builder();
    for (Map.Entry<String, List<String>> e : parsed.entrySet()) {
      out.put(e.getKey(), StringTransformBuiltins.array(e.getValue()));
    }
    return out.build();
  }
}
