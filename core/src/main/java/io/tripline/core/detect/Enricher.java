package io.tripline.core.detect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.core.record.CloudTrailRecord;

/**
 * Adds facts about a record that CloudTrail does not write (for example the source address's
 * country and ASN); they reach rules under {@code input.tripline.source}. Thread-safe.
 */
public interface Enricher {
  /** The {@code source} object for this record ({@code country}, {@code asn}, {@code as_org}), or null. */
  ObjectNode source(CloudTrailRecord record);
}
