package io.tripline.core.log;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a file, gunzipping it (every member) when its first two bytes are the gzip magic number
 * (1f 8b).
 */
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
    return isGzip(raw) ? new GzipMembers(raw) : raw;
  }

  /** Why a decompressed stream ended before its input did (bytes after the last gzip member), or null. */
  static String trailingProblem(InputStream opened) {
    return opened instanceof GzipMembers g ? g.trailingProblem() : null;
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
