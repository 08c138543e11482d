package io.tripline.simulator.scenario;

import io.tripline.simulator.catalog.ApiCatalog;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a script's {@code ${...}} may read, field by field, so that a typo
 * ({@code ${trail.bukcet}}) is a load error naming the nearest field instead of an empty string at
 * run time. Mirrors what the run provides (actor ids, trail and world state).
 */
final class Variables {

  static final List<String> ROOTS = List.of("actors", "trail", "trails", "world", "account", "region", "repeat", "time");
  static final List<String> ACTOR = List.of("name", "type", "arn", "principalId", "accessKeyId", "accountId", "sourceIp",
      "mfaUsed", "mfaIdentifier", "userName", "roleName", "roleArn");
  static final List<String> TRAIL = List.of("name", "arn", "bucket", "prefix", "homeRegion", "multiRegion",
      "includeGlobalServiceEvents", "logging", "logFileValidationEnabled", "logKeyPrefix");
  static final List<String> WORLD = List.of("account", "region", "detectorId", "configRecorderName", "deliveryChannelName",
      "logGroupName", "eventRuleName", "kmsKeyArn", "eventDataStoreArn", "eventDataStoreId", "trail", "trails");
  static final List<String> REPEAT = List.of("index", "number");
  static final List<String> TIME = List.of("iso", "legacy", "lambda", "datePath", "epochMillis");

  private Variables() {}

  /** Null when {@code root.rest} names a variable, else what is wrong and what was probably meant. */
  static String problem(String source, String root, String[] rest, Set<String> actors) {
    String shown = "'${" + source + "}'";
    return switch (root) {
      case "actors" -> rest.length < 2 || !actors.contains(rest[0])
          ? shown + " names no actor; expected ${actors.NAME.FIELD} with NAME in " + actors
          : field(shown, "an actor", rest, 1, ACTOR);
      case "trail" -> field(shown, "a trail", rest, 0, TRAIL);
      case "trails" -> rest.length < 2 ? shown + " needs a trail name and a field, e.g. ${trails.NAME.bucket}"
          : field(shown, "a trail", rest, 1, TRAIL);
      case "world" -> world(shown, rest);
      case "account", "region" -> rest.length == 0 ? null : shown + ": ${" + root + "} has no fields";
      case "repeat" -> field(shown, "repeat", rest, 0, REPEAT);
      case "time" -> field(shown, "time", rest, 0, TIME);
      default -> shown + " is not a variable; variables start with one of " + ROOTS;
    };
  }

  private static String world(String shown, String[] rest) {
    if (rest.length > 0 && rest[0].equals("trail")) {
      return field(shown, "a trail", rest, 1, TRAIL);
    }
    if (rest.length > 0 && rest[0].equals("trails")) {
      return rest.length < 3 ? shown + " needs a trail name and a field, e.g. ${world.trails.NAME.bucket}" : field(shown, "a trail", rest, 2, TRAIL);
    }
    return field(shown, "world", rest, 0, WORLD);
  }

  /** Checks that {@code rest[at]} is the last segment and one of {@code fields}. */
  private static String field(String shown, String what, String[] rest, int at, List<String> fields) {
    if (rest.length <= at) {
      return shown + " needs a field of " + what + ": one of " + fields;
    }
    String f = rest[at];
    if (!fields.contains(f)) {
      return shown + ": unknown field '" + f + "' of " + what + "; did you mean '" + nearest(f, fields) + "'? Known: " + fields;
    }
    if (rest.length > at + 1) {
      return shown + ": '" + f + "' has no field '" + String.join(".", Arrays.copyOfRange(rest, at + 1, rest.length)) + "'";
    }
    return null;
  }

  static String nearest(String typed, List<String> names) {
    String lower = typed.toLowerCase();
    return names.stream().min(Comparator.comparingInt(n -> ApiCatalog.distance(lower, n.toLowerCase()))).orElse("");
  }
}
