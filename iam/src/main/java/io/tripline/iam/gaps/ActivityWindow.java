package io.tripline.iam.gaps;

import io.tripline.iam.access.AccountAccess;
import io.tripline.iam.access.AccountPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The calls of an activity window, grouped by the account principal that made them (a role's
 * sessions count as the role). Calls by principals the account does not have are counted apart.
 */
public final class ActivityWindow {

  private final Map<String, List<ActivityCall>> byPrincipal = new LinkedHashMap<>();
  private final List<ActivityCall> unknown = new ArrayList<>();
  private Instant from;
  private Instant to;
  private int size;

  public ActivityWindow(AccountAccess access, List<ActivityCall> calls) {
    for (ActivityCall c : calls) {
      size++;
      if (c.time() != null) {
        from = from == null || c.time().isBefore(from) ? c.time() : from;
        to = to == null || c.time().isAfter(to) ? c.time() : to;
      }
      access.principal(c.principalArn()).map(AccountPrincipal::arn)
          .ifPresentOrElse(arn -> byPrincipal.computeIfAbsent(arn, k -> new ArrayList<>()).add(c), () -> unknown.add(c));
    }
  }

  /** The calls of one principal (by its user or role ARN), denied ones included. */
  public List<ActivityCall> calls(String principalArn) {
    return byPrincipal.getOrDefault(principalArn, List.of());
  }

  /** The principals that made calls, in order of first call. */
  public List<String> principals() {
    return List.copyOf(byPrincipal.keySet());
  }

  public List<ActivityCall> unknownPrincipalCalls() {
    return List.copyOf(unknown);
  }

  public Instant from() {
    return from;
  }

  public Instant to() {
    return to;
  }

  public int size() {
    return size;
  }

  /** Whether a sensitive grant on {@code granted} was used by a call on {@code used} (same ARN, any for "*", the same bucket, or any of a probe's kind). */
  static boolean covers(String granted, String used) {
    if (granted.equals("*") || Objects.equals(granted, used) || used.equals("*")) {
      return true;
    }
    if (granted.startsWith("arn:aws:s3:::") && used.startsWith("arn:aws:s3:::")) {
      return bucket(granted).equals(bucket(used));
    }
    if (granted.endsWith("tripline-probe") || granted.contains("tripline-probe/")) {
      String[] g = granted.split(":", 6);
      String[] u = used.split(":", 6);
      return g.length == 6 && u.length == 6 && g[2].equals(u[2]) && g[4].equals(u[4]);
    }
    return false;
  }

  private static String bucket(String s3Arn) {
    String rest = s3Arn.substring("arn:aws:s3:::".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
