package io.tripline.core.log;

import io.tripline.core.record.CloudTrailRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads CloudTrail records from files and directory trees, streaming: memory holds one record at a
 * time, whatever the size of the files. The format of each file is detected from its content, not
 * its name: gzip by its magic bytes, then a CloudTrail log file ({@code {"Records":[...]}}), the
 * output of {@code aws cloudtrail lookup-events} ({@code {"Events":[{"CloudTrailEvent":"..."}]}}), a
 * JSON array of records, JSON lines, or a single record. Directories are walked in the S3 layout
 * ({@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/}); digest files are counted, not read.
 *
 * <pre>{@code
 * try (CloudTrailLogReader reader = CloudTrailLogReader.open(paths, ReadMode.SKIP_BAD_RECORDS)) {
 *   for (CloudTrailRecord r : reader) { ... }
 *   ReadSummary summary = reader.summary();
 * }
 * }</pre>
 *
 * <p>Not thread-safe; iterate once.
 */
public final class CloudTrailLogReader implements Iterable<CloudTrailRecord>, AutoCloseable {

  /** How many problems {@link ReadSummary#problems()} keeps in detail. */
  public static final int MAX_PROBLEMS_KEPT = 1000;

  private final List<InputFiles.Entry> entries;
  private final ReadMode mode;
  private final List<ReadProblem> problems = new ArrayList<>();
  private int nextEntry;
  private FileRecordReader current;
  private CloudTrailRecord pending;
  private boolean iterated;
  private long filesRead;
  private long recordsRead;
  private long recordsSkipped;
  private long digestFilesSkipped;

  private CloudTrailLogReader(List<InputFiles.Entry> entries, ReadMode mode) {
    this.entries = entries;
    this.mode = mode;
  }

  /**
   * Prepares to read {@code paths} (files or directories).
   *
   * @throws LogInputException if a path does not exist or a directory cannot be listed
   */
  public static CloudTrailLogReader open(List<Path> paths, ReadMode mode) {
    return new CloudTrailLogReader(InputFiles.expand(paths), mode);
  }

  /** Reads one stream (e.g. standard input) named {@code name} in problems. */
  public static CloudTrailLogReader open(String name, InputStream in, ReadMode mode) {
    CloudTrailLogReader reader = new CloudTrailLogReader(List.of(), mode);
    try {
      reader.current = new FileRecordReader(name, Decompression.open(in));
      reader.filesRead++;
    } catch (IOException e) {
      reader.report(ReadProblem.ofFile(name, FileRecordReader.describe(e)));
    }
    return reader;
  }

  @Override
  public Iterator<CloudTrailRecord> iterator() {
    if (iterated) {
      throw new IllegalStateException("a CloudTrailLogReader can be iterated only once");
    }
    iterated = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (pending == null) {
          pending = advance();
        }
        return pending != null;
      }

      @Override
      public CloudTrailRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        CloudTrailRecord r = pending;
        pending = null;
        return r;
      }
    };
  }

  /** The records as a sequential stream; close the reader (not only the stream) when done. */
  public Stream<CloudTrailRecord> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** What has been read so far; complete once iteration is over. */
  public ReadSummary summary() {
    return new ReadSummary(filesRead, recordsRead, recordsSkipped, digestFilesSkipped, problems);
  }

  private CloudTrailRecord advance() {
    while (true) {
      if (current == null && !openNext()) {
        return null;
      }
      FileRecordReader.Item item = current.next();
      if (item == null) {
        closeCurrent();
        continue;
      }
      if (item instanceof FileRecordReader.Record r) {
        recordsRead++;
        return r.record();
      }
      if (item instanceof FileRecordReader.Problem p) {
        report(p.problem());
      } else if (item instanceof FileRecordReader.Digest) {
        digestFilesSkipped++;
      }
    }
  }

  private boolean openNext() {
    while (nextEntry < entries.size()) {
      InputFiles.Entry entry = entries.get(nextEntry++);
      if (entry.problem() != null) {
        report(ReadProblem.ofFile(entry.path().toString(), entry.problem()));
        continue;
      }
      if (entry.digest()) {
        digestFilesSkipped++;
        continue;
      }
      String name = entry.path().toString();
      try {
        current = new FileRecordReader(name, Decompression.open(entry.path()));
        filesRead++;
        return true;
      } catch (AccessDeniedException e) {
        report(ReadProblem.ofFile(name, "permission denied"));
      } catch (IOException e) {
        report(ReadProblem.ofFile(name, FileRecordReader.describe(e)));
      }
    }
    return false;
  }

  private void report(ReadProblem problem) {
    recordsSkipped++;
    if (problems.size() < MAX_PROBLEMS_KEPT) {
      problems.add(problem);
    }
    if (mode == ReadMode.STRICT) {
      throw new LogReadException(problem);
    }
  }

  private void closeCurrent() {
    try {
      current.close();
    } catch (IOException ignored) {
      // closing a read-only input: everything in it has been read or reported already
    } finally {
      current = null;
    }
  }

  @Override
  public void close() {
    if (current != null) {
      closeCurrent();
    }
  }
}
