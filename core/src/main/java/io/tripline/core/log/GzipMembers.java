package io.tripline.core.log;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Gunzips every member of a gzip stream (RFC 1952), as {@code gzip -d} and {@code cat a.gz b.gz}
 * expect, without relying on {@link InputStream#available()} (which a pipe answers with 0, so the
 * JDK's {@code GZIPInputStream} may stop after the first member). Each member's CRC and length are
 * checked. Bytes after the last member that do not start another member are not an error of the
 * data read so far: they end the stream and are described by {@link #trailingProblem()}.
 */
final class GzipMembers extends InputStream {

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int limit;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private boolean inMember;
  private boolean done;
  private long members;
  private String trailingProblem;

  /** {@code in} starts with a gzip header (the caller has checked the magic bytes). */
  GzipMembers(InputStream in) throws IOException {
    this.in = in;
    startMember();
  }

  /** Why reading stopped before the end of the input, or {@code null}. */
  String trailingProblem() {
    return trailingProblem;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!done) {
      if (!inMember) {
        nextMemberOrEnd();
        continue;
      }
      try {
        int n = inflater.inflate(b, off, len);
        if (n > 0) {
          crc.update(b, off, n);
          return n;
        }
      } catch (DataFormatException e) {
        throw new ZipException(e.getMessage() == null ? "invalid compressed data" : e.getMessage());
      }
      if (inflater.finished()) {
        endMember();
      } else if (inflater.needsDictionary()) {
        throw new ZipException("the compressed data needs a preset dictionary");
      } else if (inflater.needsInput()) {
        if (pos >= limit && !fill()) {
          throw new EOFException("unexpected end of the gzip data");
        }
        inflater.setInput(buf, pos, limit - pos);
        pos = limit;
      }
    }
    return -1;
  }

  private void startMember() throws IOException {
    if (u8() != 0x1f || u8() != 0x8b) {
      throw new ZipException("not in gzip format");
    }
    if (u8() != 8) {
      throw new ZipException("unsupported gzip compression method");
    }
    int flags = u8();
    skip(6); // mtime, xfl, os
    if ((flags & FEXTRA) != 0) {
      int xlen = u8() | (u8() << 8);
      skip(xlen);
    }
    if ((flags & FNAME) != 0) {
      while (u8() != 0) {
        // file name, ignored
      }
    }
    if ((flags & FCOMMENT) != 0) {
      while (u8() != 0) {
        // comment, ignored
      }
    }
    if ((flags & FHCRC) != 0) {
      skip(2);
    }
    inflater.reset();
    crc.reset();
    inMember = true;
    members++;
  }

  private void endMember() throws IOException {
    // what the inflater did not use belongs to the trailer and what follows
    int unused = inflater.getRemaining();
    pos -= unused;
    long expectedCrc = u32();
    long expectedSize = u32();
    if (expectedCrc != crc.getValue()) {
      throw new ZipException("CRC mismatch in gzip member " + members + " (corrupt data)");
    }
    if (expectedSize != (inflater.getBytesWritten() & 0xffffffffL)) {
      throw new ZipException("length mismatch in gzip member " + members + " (corrupt data)");
    }
    inMember = false;
  }

  /** After a member: another member, the end of the input, or trailing bytes (reported, not read). */
  private void nextMemberOrEnd() throws IOException {
    if (pos >= limit && !fill()) {
      done = true;
      return;
    }
    if (limit - pos < 2) {
      fill();
    }
    if (limit - pos >= 2 && (buf[pos] & 0xff) == 0x1f && (buf[pos + 1] & 0xff) == 0x8b) {
      startMember();
      return;
    }
    long extra = limit - pos;
    pos = limit;
    while (fill()) {
      extra += limit - pos;
      pos = limit;
    }
    done = true;
    trailingProblem = extra + " bytes after the last gzip member (member " + members
        + ") are not gzip data and were not read; the records before them were read";
  }

  /** Reads more input after what is buffered; false at the end of the input. */
  private boolean fill() throws IOException {
    if (pos < limit) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
    } else {
      limit = 0;
    }
    pos = 0;
    int n = in.read(buf, limit, buf.length - limit);
    if (n <= 0) {
      return false;
    }
    limit += n;
    return true;
  }

  private int u8() throws IOException {
    if (pos >= limit && !fill()) {
      throw new EOFException("unexpected end of the gzip data (in a member header or trailer)");
    }
    return buf[pos++] & 0xff;
  }

  private long u32() throws IOException {
    return (u8() | (u8() << 8) | (u8() << 16) | ((long) u8() << 24)) & 0xffffffffL;
  }

  private void skip(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      u8();
    }
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }
}
