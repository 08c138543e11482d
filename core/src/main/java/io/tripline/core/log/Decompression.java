package io.tripline.core.log;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a file, gunzipping it when its first two bytes are the gzip magic number (1f 8b). */
final class Decompression {

  private static final int BUFFER = 64 * 1024;

  private Decompression() {}

  static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return open(in);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  static InputStream open(InputStream in) throws IOException {
    InputStream raw = new BufferedInputStream(in, BUFFER);
    return isGzip(raw) ? new GZIPInputStream(raw, BUFFER) : raw;
  }

  /** Peeks at the first two bytes without consuming them; {@code in} must support mark. */
  static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b;
  }
}
