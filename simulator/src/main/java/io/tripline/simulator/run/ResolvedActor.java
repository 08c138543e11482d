package io.tripline.simulator.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tripline.simulator.scenario.Actor;
import io.tripline.simulator.template.Template;

/**
 * An actor with its ids filled in from the account world's {@link Identities} (seed-derived unless
 * a script fixed them).
 * {@code variables} is what scripts read as {@code ${actors.NAME.*}}.
 */
public record ResolvedActor(Actor actor, String account, String arn, String principalId, String accessKeyId,
    String issuerPrincipalId, String issuerArn, ObjectNode variables) {

  public static ResolvedActor resolve(Actor a, String scenarioAccount, Identities ids) {
    String account = a.accountId().orElse(scenarioAccount);
    String arn;
    String principal;
    String issuerId = null;
    String issuerArn = null;
    boolean temporary = a.console();
    switch (a.type()) {
      case IAMUser -> {
        arn = "arn:aws:iam::" + account + ":user/" + a.userName();
        principal = ids.userId(account, a.userName());
      }
      case AssumedRole -> {
        issuerId = ids.roleId(account, a.roleName());
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
        String issuer = a.issuerUserName() == null ? a.userName() : a.issuerUserName();
        issuerId = ids.userId(account, issuer);
        issuerArn = "arn:aws:iam::" + account + ":user/" + issuer;
        arn = "arn:aws:sts::" + account + ":federated-user/" + a.userName();
        principal = account + ":" + a.userName();
        temporary = true;
      }
      default -> {
        arn = a.service();
        principal = a.service();
      }
    }
    String accessKey = ids.accessKey(a, account, temporary);
    String fixed = ids.fixedPrincipal(a, account);
    principal = fixed != null ? fixed : principal;
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
