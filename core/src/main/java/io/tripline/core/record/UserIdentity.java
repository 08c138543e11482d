package io.tripline.core.record;

import static io.tripline.core.record.CloudTrailRecord.textOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.Optional;

/**
 * A view of a record's {@code userIdentity} element. Every accessor returns {@code null} (or an
 * empty optional) when the field is absent, as it is for some identity types.
 */
public final class UserIdentity {

  private final JsonNode json;

  UserIdentity(JsonNode json) {
    this.json = json == null ? MissingNode.getInstance() : json;
  }

  public JsonNode json() { return json; }
  public String type() { return textOf(json, "type"); }
  public String principalId() { return textOf(json, "principalId"); }
  public String arn() { return textOf(json, "arn"); }
  public String accountId() { return textOf(json, "accountId"); }
  public String accessKeyId() { return textOf(json, "accessKeyId"); }
  public String userName() { return textOf(json, "userName"); }
  public String invokedBy() { return textOf(json, "invokedBy"); }

  /** {@code sessionContext} as logged (attributes, sessionIssuer, webIdFederationData, ...); missing when absent. */
  public JsonNode sessionContext() { return json.path("sessionContext"); }

  /** {@code sessionContext.attributes.mfaAuthenticated} ("true"/"false" strings in CloudTrail). */
  public Optional<Boolean> mfaAuthenticated() {
    String v = textOf(sessionContext().path("attributes"), "mfaAuthenticated");
    return v == null ? Optional.empty() : Optional.of(Boolean.parseBoolean(v));
  }

  /** {@code sessionContext.attributes.creationDate}, when present and well formed. */
  public Optional<Instant> creationDate() {
    String v = textOf(sessionContext().path("attributes"), "creationDate");
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(v));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code sessionContext.sessionIssuer}: type, principalId, arn, accountId, userName. */
  public Optional<SessionIssuer> sessionIssuer() {
    JsonNode i = sessionContext().path("sessionIssuer");
    if (i.isMissingNode() || i.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new SessionIssuer(textOf(i, "type"), textOf(i, "principalId"), textOf(i, "arn"),
        textOf(i, "accountId"), textOf(i, "userName")));
  }

  /**
   * The name a human would use for the principal: the user name, the role name of an assumed
   * role session, "root" for the root user, else the ARN or principalId.
   */
  public String displayName() {
    String t = type();
    if ("Root".equals(t)) {
      return "root";
    }
    if (userName() != null) {
      return userName();
    }
    Optional<SessionIssuer> issuer = sessionIssuer();
    if (issuer.isPresent() && issuer.get().userName() != null) {
      return issuer.get().userName();
    }
    if (arn() != null) {
      return arn();
    }
    if (invokedBy() != null) {
      return invokedBy();
    }
    return principalId() == null ? "unknown" : principalId();
  }

  public record SessionIssuer(String type, String principalId, String arn, String accountId, String userName) {}
}
