package io.tripline.core.detect;

import io.tripline.core.record.CloudTrailRecord;
import io.tripline.rego.value.Value;

/** A record, the input the rules saw for it, and their verdict. */
record Evaluated(CloudTrailRecord record, Value input, RecordVerdict verdict) {}
