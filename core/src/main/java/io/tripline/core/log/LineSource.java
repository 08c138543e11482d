package io.tripline.core.log;

import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of a stream, each as its own {@link InputStream} that ends at the newline, so that a
 * parser given one line can never read into the next: a broken line costs that line only. Nothing
 * is buffered beyond a fixed window, however long a line is.
 */
final class LineSource {

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private int lineNumber;
  private boolean lineEnded = true;

  private final InputStream line = new InputStream() {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (lineEnded || len == 0) {
        return lineEnded ? -1 : 0;
      }
      if (pos >= limit && !fill()) {
        lineEnded = true;
        return -1;
      }
      int end = Math.min(limit, pos + len);
      int n = 0;
      while (pos + n < end && buf[pos + n] != '\n') {
        n++;
      }
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      if (pos < limit && buf[pos] == '\n') {
        pos++;
        lineEnded = true;
      }
      return n == 0 && lineEnded ? -1 : n;
    }

    @Override
    public void close() {
      // the lines share one stream, closed with the file
    }
  };

  LineSource(InputStream in) {
    this.in = in;
  }

  /** Moves to the next line (skipping what is left of this one); false at the end of the input. */
  boolean next() throws IOException {
    skipRest();
    if (pos >= limit && !fill()) {
      return false;
    }
    lineNumber++;
    lineEnded = false;
    return true;
  }

  /** The current line's bytes, without its newline. */
  InputStream line() {
    return line;
  }

  /** 1-based number of the current line. */
  int lineNumber() {
    return lineNumber;
  }

  private void skipRest() throws IOException {
    while (!lineEnded) {
      while (pos < limit) {
        if (buf[pos++] == '\n') {
          lineEnded = true;
          return;
        }
      }
      if (!fill()) {
        lineEnded = true;
      }
    }
  }

  private boolean fill() throws IOException {
    pos = 0;
    limit = 0;
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    limit = n;
    return true;
  }
}
