package io.tripline.cli.detect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.detect.DetectionSummary;
import io.tripline.core.detect.Finding;
import io.tripline.core.log.ReadSummary;
import io.tripline.core.report.FindingJson;
import java.util.List;

/**
 * {@code tripline detect --format json}: {@code {schemaVersion: 1, recordsRead, recordsSkipped,
 * filesRead, evaluationErrors, findings: [FindingJson...]}}.
 */
final class DetectJson {
  private DetectJson() {}

  static ObjectNode of(List<Finding> findings, DetectionSummary summary, ReadSummary read) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("schemaVersion", 1);
    o.put("filesRead", read.filesRead());
    o.put("recordsRead", read.recordsRead());
    o.put("recordsSkipped", read.recordsSkipped());
    o.put("evaluationErrors", summary.errors());
    ArrayNode f = o.putArray("findings");
    findings.forEach(x -> f.add(FindingJson.of(x)));
    return o;
  }
}
