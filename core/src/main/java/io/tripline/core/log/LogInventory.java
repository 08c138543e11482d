package io.tripline.core.log;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.core.record.UserIdentity;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts what a set of records holds: time range, calls by eventSource and eventName, principals,
 * source IPs and error codes. Lists are sorted by count (highest first), then by name. Memory grows
 * with the number of distinct values, not with the number of records.
 */
public final class LogInventory {

  /** A value and how many records have it. */
  public record Count(String value, long count) {}

  /** One eventSource, its record count and its eventNames. */
  public record SourceCount(String eventSource, long count, List<Count> eventNames) {}

  /** A principal as a human names it (see {@link UserIdentity#displayName()}), its type and ARN. */
  public record PrincipalCount(String name, String type, String arn, long count) {}

  private record PrincipalKey(String name, String type, String arn) {}

  private static final String NONE = "(none)";

  private long records;
  private Instant first;
  private Instant last;
  private final Map<String, Map<String, Long>> calls = new HashMap<>();
  private final Map<PrincipalKey, Long> principals = new HashMap<>();
  private final Map<String, Long> sourceIps = new HashMap<>();
  private final Map<String, Long> errorCodes = new HashMap<>();

  public void add(CloudTrailRecord r) {
    records++;
    Instant t = r.eventTime();
    if (first == null || t.isBefore(first)) {
      first = t;
    }
    if (last == null || t.isAfter(last)) {
      last = t;
    }
    calls.computeIfAbsent(orNone(r.eventSource()), k -> new HashMap<>()).merge(orNone(r.eventName()), 1L, Long::sum);
    UserIdentity id = r.userIdentity();
    principals.merge(new PrincipalKey(id.displayName(), id.type(), id.arn()), 1L, Long::sum);
    sourceIps.merge(orNone(r.sourceIPAddress()), 1L, Long::sum);
    if (r.errorCode() != null) {
      errorCodes.merge(r.errorCode(), 1L, Long::sum);
    }
  }

  public long records() { return records; }
  public Optional<Instant> first() { return Optional.ofNullable(first); }
  public Optional<Instant> last() { return Optional.ofNullable(last); }

  public List<SourceCount> eventSources() {
    return calls.entrySet().stream()
        .map(e -> new SourceCount(e.getKey(), e.getValue().values().stream().mapToLong(Long::longValue).sum(), sorted(e.getValue())))
        .sorted(Comparator.comparingLong(SourceCount::count).reversed().thenComparing(SourceCount::eventSource))
        .toList();
  }

  public List<PrincipalCount> principals() {
    return principals.entrySet().stream()
        .map(e -> new PrincipalCount(e.getKey().name(), e.getKey().type(), e.getKey().arn(), e.getValue()))
        .sorted(Comparator.comparingLong(PrincipalCount::count).reversed().thenComparing(PrincipalCount::name)
            .thenComparing(p -> String.valueOf(p.arn())))
        .toList();
  }

  public List<Count> sourceIps() { return sorted(sourceIps); }
  public List<Count> errorCodes() { return sorted(errorCodes); }

  private static List<Count> sorted(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> new Count(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value))
        .toList();
  }

  private static String orNone(String s) {
    return s == null ? NONE : s;
  }
}
