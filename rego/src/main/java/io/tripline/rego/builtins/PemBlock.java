package io.tripline.rego.builtins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** One PEM block, decoded as Go's {@code encoding/pem} does: the first block in the text and what follows it. */
record PemBlock(String type, byte[] bytes) {

  /** A decoded block and the text after its END line (that line's newline consumed). */
  record Decoded(PemBlock block, String rest) {}

  /** The first PEM block in text, or null when there is none (or it is malformed). */
  static Decoded decode(String text) {
    int from = 0;
    while (true) {
      int begin = text.indexOf("-----BEGIN ", from);
      if (begin < 0) {
        return null;
      }
      if (begin > 0 && text.charAt(begin - 1) != '\n') {
        from = begin + 1;
        continue;
      }
      int typeEnd = text.indexOf("-----", begin + 11);
      int lineEnd = text.indexOf('\n', begin);
      if (typeEnd < 0 || (lineEnd >= 0 && typeEnd > lineEnd)) {
        from = begin + 1;
        continue;
      }
      String type = text.substring(begin + 11, typeEnd);
      String endMarker = "-----END " + type + "-----";
      int end = text.indexOf(endMarker, typeEnd);
      if (end < 0 || lineEnd < 0) {
        return null;
      }
      String body = text.substring(lineEnd + 1, end);
      StringBuilder b64 = new StringBuilder();
      for (String line : body.split("\n")) {
        String l = line.strip();
        if (l.contains(":")) {
          continue;
        }
        b64.append(l);
      }
      byte[] bytes;
      try {
        bytes = Base64.getMimeDecoder().decode(b64.toString());
      } catch (IllegalArgumentException e) {
        from = begin + 1;
        continue;
      }
      int after = end + endMarker.length();
      int nl = text.indexOf('\n', after);
      String trailing = nl < 0 ? text.substring(after) : text.substring(after, nl);
      if (!trailing.isBlank()) {
        from = begin + 1;
        continue;
      }
      String rest = nl < 0 ? "" : text.substring(nl + 1);
      return new Decoded(new PemBlock(type, bytes), rest);
    }
  }

  /** All blocks in text, in order. */
  static List<PemBlock> decodeAll(String text) {
    List<PemBlock> out = new ArrayList<>();
    Decoded d = decode(text);
    while (d != null) {
      out.add(d.block());
      d = decode(d.rest());
    }
    return out;
  }

  /** The input itself when it starts like PEM, else its standard base64 decoding (null if not base64). */
  static String pemOrBase64(String input) {
    if (input.startsWith("-----BEGIN")) {
      return input;
    }
    byte[] raw = base64(input);
    return raw == null ? null : new String(raw, StandardCharsets.ISO_8859_1);
  }

  /** Go's base64.StdEncoding.DecodeString: padded standard alphabet, no whitespace except newlines; null if invalid. */
  static byte[] base64(String s) {
    try {
      return Base64.getDecoder().decode(s.replace("\r", "").replace("\n", ""));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
