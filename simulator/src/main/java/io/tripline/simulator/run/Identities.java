package io.tripline.simulator.run;

import io.tripline.simulator.scenario.Actor;
import java.util.HashMap;
import java.util.Map;

/**
 * The account world's identities: one principal id per IAM user and role, one access key per
 * user's long-term key or per session, derived from the run's seed and the identity (account and
 * name), never from which actor or baseline profile uses it. An id a script fixes for an identity
 * holds for every actor of that identity.
 */
public final class Identities {

  private final Ids ids;
  private final Map<String, String> fixed = new HashMap<>();

  public Identities(long seed) {
    this.ids = new Ids(seed * 0x9E3779B97F4A7C15L + 0x5DEECE66DL);
  }

  /** Remembers the ids a script fixed for this actor's identity, so other actors of it share them. */
  public void register(Actor a, String scenarioAccount) {
    String account = a.accountId().orElse(scenarioAccount);
    a.principalId().ifPresent(p -> fixed.putIfAbsent(principalKey(a, account), p));
    a.accessKeyId().ifPresent(k -> fixed.putIfAbsent(keyKey(a, account), k));
  }

  String userId(String account, String userName) {
    return fixed.getOrDefault("principal:user:" + account + ":" + userName, "AIDA" + ids.stableUpper("user:" + account + ":" + userName, 17));
  }

  String roleId(String account, String roleName) {
    return "AROA" + ids.stableUpper("role:" + account + ":" + roleName, 17);
  }

  /** The actor's principal id as fixed by a script, or null to derive it. */
  String fixedPrincipal(Actor a, String account) {
    return fixed.get(principalKey(a, account));
  }

  /** The access key of the actor's credentials: AKIA for a user's long-term key, ASIA per session. */
  String accessKey(Actor a, String account, boolean temporary) {
    String key = keyKey(a, account);
    return fixed.getOrDefault(key, (temporary ? "ASIA" : "AKIA") + ids.stableUpper(key + (temporary ? ":session" : ""), 16));
  }

  private static String principalKey(Actor a, String account) {
    return "principal:" + identity(a, account);
  }

  private static String keyKey(Actor a, String account) {
    String id = identity(a, account);
    return switch (a.type()) {
      case AssumedRole -> "key:" + id + "/" + a.sessionName();
      case IAMUser, Root -> "key:" + id + (a.console() ? ":console" : "");
      default -> "key:" + id;
    };
  }

  private static String identity(Actor a, String account) {
    return switch (a.type()) {
      case IAMUser -> "user:" + account + ":" + a.userName();
      case AssumedRole -> "role:" + account + ":" + a.roleName();
      case Root -> "root:" + account;
      case FederatedUser -> "federated:" + account + ":" + a.userName();
      default -> "service:" + a.service();
    };
  }
}
