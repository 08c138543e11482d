package io.tripline.core.detect;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;

/**
 * The input a rule sees for a record: the record itself, field for field, plus
 * {@code tripline.source} (enrichment) and {@code tripline.learned} (what the logs taught) when
 * there is any. The record is never changed or copied: {@code tripline} is laid over it.
 */
final class RecordInputs {
  private RecordInputs() {}

  static Value of(CloudTrailRecord r, ObjectNode learned, Enricher enricher) {
    ObjectNode source = enricher == null ? null : enricher.source(r);
    if (learned == null && source == null) {
      return ValueJson.fromNode(r.json());
    }
    ObjectNode tripline = JsonNodeFactory.instance.objectNode();
    if (source != null) {
      tripline.set("source", source);
    }
    if (learned != null) {
      tripline.set("learned", learned);
    }
    return ValueJson.fromNode(r.json(), "tripline", ValueJson.fromNode(tripline));
  }
}
