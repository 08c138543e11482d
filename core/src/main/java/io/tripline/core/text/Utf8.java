package io.tripline.core.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Decodes UTF-8 strictly: a byte that is not UTF-8 is an error at its line and column. */
public final class Utf8 {

  private Utf8() {}

  /** The file's text. */
  public static String read(Path file) throws IOException {
    return decode(Files.readAllBytes(file));
  }

  /** The bytes as text; a leading byte-order mark is dropped. */
  public static String decode(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
      throw new LocatedTextException(line, column, TextLimits.notUtf8(String.format("invalid byte 0x%02x", bytes[at] & 0xff)));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
