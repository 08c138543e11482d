package io.tripline.core.log;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.core.record.UserIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts what a set of records holds: time range, calls by eventSource and eventName, principals,
 * source IPs and error codes. Lists are sorted by count (highest first), then by name.
 *
 * <p>Memory is bounded whatever the logs hold: each list keeps at most {@link #KEPT} distinct
 * values ({@link TopCounter}). Up to that, every count is exact; past it (say 100,000 principals),
 * the most frequent values keep exact counts, a value that entered after the limit was reached has
 * an approximate count ({@code approximate} true, an upper bound), and the number of distinct
 * values is an estimate ({@link Distinct#approximate()}).
 */
public final class LogInventory {

  /** Distinct values kept per list. */
  public static final int KEPT = 10_000;

  /** A value and how many records have it; {@code approximate}: an upper bound, not exact. */
  public record Count(String value, long count, boolean approximate) {
    public Count(String value, long count) {
      this(value, count, false);
    }
  }

  /** One eventSource, its record count and its eventNames. */
  public record SourceCount(String eventSource, long count, List<Count> eventNames, boolean approximate) {
    public SourceCount(String eventSource, long count, List<Count> eventNames) {
      this(eventSource, count, eventNames, false);
    }
  }

  /** A principal as a human names it (see {@link UserIdentity#displayName()}), its type and ARN. */
  public record PrincipalCount(String name, String type, String arn, long count, boolean approximate) {
    public PrincipalCount(String name, String type, String arn, long count) {
      this(name, type, arn, count, false);
    }
  }

  /** How many distinct values a list had; {@code approximate} when estimated. */
  public record Distinct(long count, boolean approximate) {}

  private record PrincipalKey(String name, String type, String arn) {
    @Override
    public String toString() {
      return name + "\n" + type + "\n" + arn;
    }
  }

  private static final String NONE = "(none)";

  private long records;
  private Instant first;
  private Instant last;
  private final TopCounter<String> sources = new TopCounter<>(KEPT);
  private final TopCounter<String> calls = new TopCounter<>(KEPT);
  private final TopCounter<PrincipalKey> principals = new TopCounter<>(KEPT);
  private final TopCounter<String> sourceIps = new TopCounter<>(KEPT);
  private final TopCounter<String> errorCodes = new TopCounter<>(KEPT);

  public void add(CloudTrailRecord r) {
    records++;
    Instant t = r.eventTime();
    if (first == null || t.isBefore(first)) {
      first = t;
    }
    if (last == null || t.isAfter(last)) {
      last = t;
    }
    String source = orNone(r.eventSource());
    sources.add(source);
    calls.add(source + "\n" + orNone(r.eventName()));
    UserIdentity id = r.userIdentity();
    principals.add(new PrincipalKey(id.displayName(), id.type(), id.arn()));
    sourceIps.add(orNone(r.sourceIPAddress()));
    if (r.errorCode() != null) {
      errorCodes.add(r.errorCode());
    }
  }

  public long records() { return records; }
  public Optional<Instant> first() { return Optional.ofNullable(first); }
  public Optional<Instant> last() { return Optional.ofNullable(last); }

  public List<SourceCount> eventSources() {
    Map<String, List<Count>> names = new HashMap<>();
    for (TopCounter.Entry<String> e : calls.entries()) {
      int cut = e.key.indexOf('\n');
      names.computeIfAbsent(e.key.substring(0, cut), k -> new ArrayList<>()).add(new Count(e.key.substring(cut + 1), e.count, e.error > 0));
    }
    return sources.entries().stream()
        .map(e -> new SourceCount(e.key, e.count, sortedCounts(names.getOrDefault(e.key, List.of())), e.error > 0))
        .sorted(Comparator.comparingLong(SourceCount::count).reversed().thenComparing(SourceCount::eventSource))
        .toList();
  }

  public List<PrincipalCount> principals() {
    return principals.entries().stream()
        .map(e -> new PrincipalCount(e.key.name(), e.key.type(), e.key.arn(), e.count, e.error > 0))
        .sorted(Comparator.comparingLong(PrincipalCount::count).reversed().thenComparing(PrincipalCount::name)
            .thenComparing(p -> String.valueOf(p.arn())))
        .toList();
  }

  public List<Count> sourceIps() { return sorted(sourceIps); }
  public List<Count> errorCodes() { return sorted(errorCodes); }

  public Distinct distinctPrincipals() { return distinct(principals); }
  public Distinct distinctSourceIps() { return distinct(sourceIps); }
  public Distinct distinctErrorCodes() { return distinct(errorCodes); }

  /** Whether any count or number of distinct values is approximate (more than {@link #KEPT} distinct values somewhere). */
  public boolean approximate() {
    return !(sources.exact() && calls.exact() && principals.exact() && sourceIps.exact() && errorCodes.exact());
  }

  private static Distinct distinct(TopCounter<?> counter) {
    return new Distinct(counter.distinct(), !counter.exact());
  }

  private static List<Count> sorted(TopCounter<String> counter) {
    return sortedCounts(counter.entries().stream().map(e -> new Count(e.key, e.count, e.error > 0)).toList());
  }

  private static List<Count> sortedCounts(List<Count> counts) {
    return counts.stream()
        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value))
        .toList();
  }

  private static String orNone(String s) {
    return s == null ? NONE : s;
  }
}
