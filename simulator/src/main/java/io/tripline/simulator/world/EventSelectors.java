package io.tripline.simulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A trail's event selectors, basic or advanced, in the shape CloudTrail's PutEventSelectors takes
 * (camelCase, as in requestParameters). Decides whether an event is selected.
 */
record EventSelectors(List<Basic> basic, List<Advanced> advanced) {

  /** CloudTrail's default for a new trail: all management events, no data events. */
  static EventSelectors defaults() {
    return new EventSelectors(List.of(new Basic("All", true, List.of(), List.of())), List.of());
  }

  record Basic(String readWriteType, boolean includeManagementEvents, List<DataResource> dataResources, List<String> excludeManagementEventSources) {}

  record DataResource(String type, List<String> values) {}

  record Advanced(String name, List<FieldSelector> fieldSelectors) {}

  record FieldSelector(String field, List<String> equalsTo, List<String> notEquals, List<String> startsWith,
      List<String> notStartsWith, List<String> endsWith, List<String> notEndsWith) {}

  /** Reads {@code eventSelectors} and/or {@code advancedEventSelectors} from a JSON object. */
  static EventSelectors from(JsonNode node) {
    List<Basic> basic = new ArrayList<>();
    for (JsonNode s : node.path("eventSelectors")) {
      List<DataResource> data = new ArrayList<>();
      for (JsonNode d : s.path("dataResources")) {
        data.add(new DataResource(d.path("type").asText(), strings(d.path("values"))));
      }
      basic.add(new Basic(s.path("readWriteType").asText("All"), s.path("includeManagementEvents").asBoolean(true),
          List.copyOf(data), strings(s.path("excludeManagementEventSources"))));
    }
    List<Advanced> advanced = new ArrayList<>();
    for (JsonNode a : node.path("advancedEventSelectors")) {
      List<FieldSelector> fields = new ArrayList<>();
      for (JsonNode f : a.path("fieldSelectors")) {
        fields.add(new FieldSelector(f.path("field").asText(), strings(f.path("equals")), strings(f.path("notEquals")),
            strings(f.path("startsWith")), strings(f.path("notStartsWith")), strings(f.path("endsWith")), strings(f.path("notEndsWith"))));
      }
      advanced.add(new Advanced(a.path("name").asText(""), List.copyOf(fields)));
    }
    return new EventSelectors(List.copyOf(basic), List.copyOf(advanced));
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  /** Null when selected, else why not (for the run report). */
  String rejection(EventFacts e) {
    if (!advanced.isEmpty()) {
      for (Advanced a : advanced) {
        if (a.fieldSelectors().stream().allMatch(f -> matches(f, e))) {
          return null;
        }
      }
      return "no advanced event selector matches " + describe(e);
    }
    for (Basic b : basic) {
      if (!readWriteMatches(b.readWriteType(), e.readOnly())) {
        continue;
      }
      if (!e.dataEvent() && b.includeManagementEvents() && !b.excludeManagementEventSources().contains(e.eventSource())) {
        return null;
      }
      if (e.dataEvent()) {
        for (DataResource d : b.dataResources()) {
          if (d.type().equals(e.resourceType()) && d.values().stream().anyMatch(v -> arnSelected(v, e.dataArn()))) {
            return null;
          }
        }
      }
    }
    return e.dataEvent()
        ? "data events for " + e.dataArn() + " are not selected (no " + e.resourceType() + " data resource covers it)"
        : "management events" + (e.readOnly() ? " (read)" : " (write)") + " from " + e.eventSource() + " are not selected";
  }

  private static String describe(EventFacts e) {
    return (e.dataEvent() ? "data event " : "management event ") + e.eventSource() + " " + e.eventName();
  }

  private static boolean readWriteMatches(String type, boolean readOnly) {
    return switch (type) {
      case "ReadOnly" -> readOnly;
      case "WriteOnly" -> !readOnly;
      default -> true;
    };
  }

  private static boolean arnSelected(String value, String arn) {
    if (arn == null) {
      return false;
    }
    if (value.equals("arn:aws:s3") || value.equals("arn:aws:s3:::")) {
      return true;
    }
    return arn.startsWith(value) || value.startsWith(arn);
  }

  private static boolean matches(FieldSelector f, EventFacts e) {
    String v = switch (f.field()) {
      case "eventCategory" -> e.dataEvent() ? "Data" : "Management";
      case "eventSource" -> e.eventSource();
      case "eventName" -> e.eventName();
      case "readOnly" -> Boolean.toString(e.readOnly());
      case "resources.type" -> e.resourceType();
      case "resources.ARN" -> e.dataArn();
      default -> null;
    };
    if (v == null) {
      // A field this event does not have (e.g. resources.type on a management event) only
      // matches negative operators.
      return f.equalsTo().isEmpty() && f.startsWith().isEmpty() && f.endsWith().isEmpty();
    }
    String value = v;
    return (f.equalsTo().isEmpty() || f.equalsTo().contains(value))
        && !f.notEquals().contains(value)
        && (f.startsWith().isEmpty() || f.startsWith().stream().anyMatch(value::startsWith))
        && f.notStartsWith().stream().noneMatch(value::startsWith)
        && (f.endsWith().isEmpty() || f.endsWith().stream().anyMatch(value::endsWith))
        && f.notEndsWith().stream().noneMatch(value::endsWith);
  }
}
