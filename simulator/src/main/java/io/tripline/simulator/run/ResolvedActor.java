package io.tripline.simulator.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.scenario.Actor;
import io.tripline.simulator.template.Template;

/**
 * An actor with its ids filled in for this run (seed-derived unless the script fixed them).
 * {@code variables} is what scripts read as {@code ${actors.NAME.*}}.
 */
public record ResolvedActor(Actor actor, String account, String arn, String principalId, String accessKeyId,
    String issuerPrincipalId, String issuerArn, ObjectNode variables) {

  public static ResolvedActor resolve(Actor a, String scenarioAccount, Ids ids) {
    String account = a.accountId().orElse(scenarioAccount);
    String key = a.name();
    String arn;
    String principal;
    String issuerId = null;
    String issuerArn = null;
    boolean temporary = a.console();
    switch (a.type()) {
      case IAMUser -> {
        arn = "arn:aws:iam::" + account + ":user/" + a.userName();
        principal = "AIDA" + ids.stableUpper(key + ":principal", 17);
      }
      case AssumedRole -> {
        issuerId = "AROA" + ids.stableUpper(key + ":role", 17);
        issuerArn = "arn:aws:iam::" + account + ":role/" + a.roleName();
        arn = "arn:aws:sts::" + account + ":assumed-role/" + a.roleName() + "/" + a.sessionName();
        principal = issuerId + ":" + a.sessionName();
        temporary = true;
      }
      case Root -> {
        arn = "arn:aws:iam::" + account + ":root";
        principal = account;
      }
      case FederatedUser -> {
        issuerId = "AIDA" + ids.stableUpper(key + ":issuer", 17);
        issuerArn = "arn:aws:iam::" + account + ":user/" + (a.issuerUserName() == null ? a.userName() : a.issuerUserName());
        arn = "arn:aws:sts::" + account + ":federated-user/" + a.userName();
        principal = account + ":" + a.userName();
        temporary = true;
      }
      default -> {
        arn = a.service();
        principal = a.service();
      }
    }
    String accessKey = a.accessKeyId().orElse((temporary ? "ASIA" : "AKIA") + ids.stableUpper(key + ":key", 16));
    principal = a.principalId().orElse(principal);
    ObjectNode v = Template.NODES.objectNode();
    v.put("name", a.type() == Actor.ActorType.AssumedRole ? a.sessionName() : a.userName() == null ? a.name() : a.userName());
    v.put("type", a.type().name());
    v.put("arn", arn);
    v.put("principalId", principal);
    v.put("accessKeyId", accessKey);
    v.put("accountId", account);
    v.put("sourceIp", a.sourceIp());
    v.put("mfaUsed", a.mfa() ? "Yes" : "No");
    if (a.mfa() && (a.type() == Actor.ActorType.IAMUser || a.type() == Actor.ActorType.Root)) {
      v.put("mfaIdentifier", "arn:aws:iam::" + account + ":mfa/" + (a.type() == Actor.ActorType.Root ? "root-account-mfa-device" : a.userName()));
    }
    if (a.userName() != null) {
      v.put("userName", a.userName());
    }
    if (a.roleName() != null) {
      v.put("roleName", a.roleName());
      v.put("roleArn", issuerArn);
    }
    return new ResolvedActor(a, account, arn, principal, accessKey, issuerId, issuerArn, v);
  }
}
