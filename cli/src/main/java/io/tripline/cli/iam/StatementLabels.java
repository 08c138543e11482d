package io.tripline.cli.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Short, readable names for granting statements: {@code policy/DeveloperAccess 'DebugWithCloudTrail'}. */
final class StatementLabels {

  private StatementLabels() {}

  /** The part of a policy name or ARN after its last colon: {@code policy/AdministratorAccess}, {@code role/SecurityAudit/Inline}. */
  static String policy(String name) {
    if (name == null) {
      return "policy";
    }
    int colon = name.lastIndexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }

  static String statement(JsonNode s) {
    JsonNode sid = s.get("sid");
    String id = sid != null && sid.isTextual() && !sid.asText().isEmpty() ? "'" + sid.asText() + "'" : "#" + s.path("statementIndex").asInt();
    return policy(s.path("policy").asText(null)) + " " + id;
  }

  static List<String> statements(JsonNode list) {
    Set<String> out = new LinkedHashSet<>();
    list.forEach(s -> out.add(statement(s)));
    return new ArrayList<>(out);
  }

  /** {@code text} wrapped to {@code width} columns, every line indented by {@code indent}. */
  static List<String> wrap(String text, int width, String indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.trim().split(" +")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > indent.length()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
