package io.tripline.iam.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tripline.iam.account.ExportFileLoader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Escalation paths on a small export: a user who can assume a role that can rewrite its own policy, and PassRole of an admin role. */
class EscalationTest {

  static final String EXPORT = """
      {"UserDetailList": [
        {"UserName": "alice", "UserId": "AIDA1", "Arn": "arn:aws:iam::111122223333:user/alice", "Path": "/", "GroupList": [],
         "UserPolicyList": [{"PolicyName": "AssumeOps", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
           {"Sid": "Assume", "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/ops"}]}}],
         "AttachedManagedPolicies": []},
        {"UserName": "bob", "UserId": "AIDA2", "Arn": "arn:aws:iam::111122223333:user/bob", "Path": "/", "GroupList": [],
         "UserPolicyList": [{"PolicyName": "Deployer", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
           {"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/*"},
           {"Sid": "Functions", "Effect": "Allow", "Action": "lambda:CreateFunction", "Resource": "*"},
           {"Sid": "Keys", "Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "arn:aws:iam::111122223333:user/*"}]}}],
         "AttachedManagedPolicies": []}],
       "GroupDetailList": [],
       "RoleDetailList": [
        {"RoleName": "ops", "RoleId": "AROA1", "Arn": "arn:aws:iam::111122223333:role/ops", "Path": "/",
         "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}]},
         "RolePolicyList": [{"PolicyName": "SelfManage", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
           {"Sid": "OwnPolicies", "Effect": "Allow", "Action": ["iam:PutRolePolicy", "iam:AttachRolePolicy"], "Resource": "arn:aws:iam::111122223333:role/ops"}]}}],
         "AttachedManagedPolicies": [], "InstanceProfileList": []},
        {"RoleName": "lambda-admin", "RoleId": "AROA2", "Arn": "arn:aws:iam::111122223333:role/lambda-admin", "Path": "/",
         "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
         "RolePolicyList": [{"PolicyName": "Admin", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}],
         "AttachedManagedPolicies": [], "InstanceProfileList": []}],
       "Policies": []}
      """;

  static Map<String, PrincipalAccess> analyze() throws Exception {
    AccountAccess access = AccountAccess.of(new ExportFileLoader().load(EXPORT, "test"), AccountResources.none());
    return new EffectiveAccessAnalyzer(access).analyze().stream().collect(Collectors.toMap(a -> a.principal().name(), Function.identity()));
  }

  static List<String> escalations(PrincipalAccess a) {
    return a.grants(AccessCategory.PRIVILEGE_ESCALATION).stream().map(g -> g.probe().action() + " " + g.probe().resource()).toList();
  }

  @Test
  void aRoleThatRewritesItsOwnPolicyIsAOneStepEscalationAndTwoStepsForWhoCanAssumeIt() throws Exception {
    Map<String, PrincipalAccess> all = analyze();
    assertThat(escalations(all.get("ops"))).contains("iam:PutRolePolicy arn:aws:iam::111122223333:role/ops",
        "iam:AttachRolePolicy arn:aws:iam::111122223333:role/ops");
    PrincipalAccess alice = all.get("alice");
    assertThat(escalations(alice)).isEmpty();
    assertThat(alice.assumableRoles()).extracting(PrincipalAccess.RoleAssumption::roleArn).containsExactly("arn:aws:iam::111122223333:role/ops");
    assertThat(alice.assumableRoles().get(0).withoutMfa()).isTrue();
  }

  @Test
  void passingAnAdminRoleToANewFunctionAndKeysForOtherUsersAreEscalations() throws Exception {
    Map<String, PrincipalAccess> all = analyze();
    assertThat(all.get("lambda-admin").adminEquivalent()).isTrue();
    PrincipalAccess bob = all.get("bob");
    assertThat(escalations(bob)).contains("iam:PassRole arn:aws:iam::111122223333:role/lambda-admin",
        "iam:CreateAccessKey arn:aws:iam::111122223333:user/tripline-probe");
    Grant pass = bob.grants(AccessCategory.PRIVILEGE_ESCALATION).stream().filter(g -> g.probe().action().equals("iam:PassRole")).findFirst().orElseThrow();
    assertThat(pass.probe().note()).contains("lambda:CreateFunction");
    assertThat(pass.statements()).extracting(s -> s.sid()).containsExactly("Pass", "Functions");
  }
}
