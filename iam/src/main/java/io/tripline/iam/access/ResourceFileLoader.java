package io.tripline.iam.access;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tripline.iam.account.AccountDataException;
import io.tripline.iam.policy.ParsedPolicy;
import io.tripline.iam.policy.PolicyDocument;
import io.tripline.iam.policy.PolicyKind;
import io.tripline.iam.policy.PolicyParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an account's resource context from files: {@code aws cloudtrail describe-trails} output
 * ({@code {"trailList": [...]}}) and {@code aws s3api get-bucket-policy} output ({@code {"Policy":
 * "<JSON text>"}}, or the policy document itself). Errors name the file and the JSON pointer.
 */
public final class ResourceFileLoader {

  private final ObjectMapper mapper = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  public List<Trail> trails(Path file) throws AccountDataException {
    return trails(read(file), file.toString());
  }

  /** Trails from describe-trails output text; {@code source} names it in errors. */
  public List<Trail> trails(String text, String source) throws AccountDataException {
    JsonNode root = json(text, source);
    JsonNode list = root.get("trailList");
    if (list == null || !list.isArray()) {
      throw new AccountDataException(source + ": /trailList: missing; expected `aws cloudtrail describe-trails` output, "
          + "an object with a trailList array");
    }
    List<Trail> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      String at = "/trailList/" + i;
      String name = required(t, "Name", source, at);
      String bucket = required(t, "S3BucketName", source, at);
      String region = t.path("HomeRegion").asText(null);
      String arn = t.path("TrailARN").asText(null);
      if (region == null && arn != null && arn.split(":").length > 3) {
        region = arn.split(":")[3];
      }
      if (region == null) {
        throw new AccountDataException(source + ": " + at + "/HomeRegion: missing (and no TrailARN to take it from); "
            + "use the output of `aws cloudtrail describe-trails`, which has both");
      }
      out.add(new Trail(name, arn, region, bucket, t.path("S3KeyPrefix").asText(null), t.path("KmsKeyId").asText(null),
          t.path("CloudWatchLogsLogGroupArn").asText(null)));
    }
    return out;
  }

  public PolicyDocument bucketPolicy(Path file) throws AccountDataException {
    return bucketPolicy(read(file), file.toString());
  }

  /** A bucket policy from get-bucket-policy output or a bare policy document. */
  public PolicyDocument bucketPolicy(String text, String source) throws AccountDataException {
    JsonNode root = json(text, source);
    String prefix = "";
    if (root.has("Policy")) {
      JsonNode p = root.get("Policy");
      if (!p.isTextual()) {
        throw new AccountDataException(source + ": /Policy: expected the policy as JSON text, as `aws s3api get-bucket-policy` prints it");
      }
      root = json(p.asText(), source + " /Policy");
      prefix = "/Policy";
    }
    ParsedPolicy parsed = new PolicyParser().parse(root, PolicyKind.RESOURCE);
    if (!parsed.ok()) {
      StringBuilder sb = new StringBuilder(source + ": not a valid bucket policy:");
      for (var e : parsed.errors()) {
        sb.append("\n  ").append(e.under(prefix));
      }
      throw new AccountDataException(sb.toString());
    }
    return parsed.document();
  }

  private String read(Path file) throws AccountDataException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new AccountDataException(file + ": no such file");
    } catch (IOException e) {
      throw new AccountDataException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private JsonNode json(String text, String source) throws AccountDataException {
    try {
      JsonNode n = mapper.readTree(text);
      if (n == null || !n.isObject()) {
        throw new AccountDataException(source + ": expected a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      String why = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")
          ? "content after the first JSON value (concatenated documents or trailing text); the file holds one JSON object"
          : e.getOriginalMessage();
      throw new AccountDataException(source + ": not valid JSON" + at + ": " + why, e);
    }
  }

  private static String required(JsonNode n, String field, String source, String at) throws AccountDataException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new AccountDataException(source + ": " + at + "/" + field + ": missing or not a string; expected `aws cloudtrail describe-trails` output");
    }
    return v.asText();
  }
}
