package io.tripline.core.detect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;
import io.tripline.rego.value.ObjectValue;
import io.tripline.rego.value.Value;
import io.tripline.rego.value.ValueJson;

/**
 * The input a rule sees for a record: the record itself, field for field, plus
 * {@code tripline.source} (enrichment) and {@code tripline.learned} (what the logs taught) when
 * there is any. The record is never changed or copied: {@code tripline} is laid over it.
 */
final class RecordInputs {
  private RecordInputs() {}

  /**
   * What the logs taught, as the {@code tripline.learned} value: converted once per snapshot
   * (the learned context changes a handful of times in a run), shared by the records after it.
   */
  static final class Learned {
    private ObjectNode snapshot;
    private Value value;
    private Value tripline;

    Value value(ObjectNode learned) {
      if (learned != snapshot) {
        snapshot = learned;
        value = learned == null ? null : ValueJson.fromNode(learned);
        tripline = value == null ? null : ObjectValue.builder().put("learned", value).build();
      }
      return value;
    }

    /** {@code {"learned": ...}} for records without enrichment. */
    Value tripline() {
      return tripline;
    }
  }

  static Value of(CloudTrailRecord r, ObjectNode learned, Learned cache, Enricher enricher) {
    ObjectNode source = enricher == null ? null : enricher.source(r);
    Value learnedValue = cache.value(learned);
    if (learnedValue == null && source == null) {
      return ValueJson.fromNode(r.json());
    }
    if (source == null) {
      return ValueJson.fromNode(r.json(), "tripline", cache.tripline());
    }
    ObjectValue.Builder tripline = ObjectValue.builder().put("source", ValueJson.fromNode(source));
    if (learnedValue != null) {
      tripline.put("learned", learnedValue);
    }
    return ValueJson.fromNode(r.json(), "tripline", tripline.build());
  }
}
