package io.tripline.benchmarks.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A large, deterministic {@code get-account-authorization-details} export: {@code users} users in
 * groups, {@code roles} roles (trusting the account with MFA, or a service), and {@code policies}
 * customer managed policies mixing the seed account's kinds of statements (developer work,
 * CloudTrail and S3 log reading, log tampering, IAM writes, wildcards, MFA denies). Run {@code
 * main} to write one to a file for {@code tripline iam audit}.
 */
public final class SyntheticAccount {

  static final String ACCOUNT = "123456789012";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String[]> STATEMENTS = List.of(
      new String[] {"s3:GetObject,s3:PutObject,s3:ListBucket", "arn:aws:s3:::app-%d,arn:aws:s3:::app-%d/*"},
      new String[] {"ec2:Describe*,lambda:List*,lambda:Get*,logs:Describe*", "*"},
      new String[] {"cloudtrail:LookupEvents,cloudtrail:Describe*,cloudtrail:Get*", "*"},
      new String[] {"s3:GetObject,s3:ListBucket", "*"},
      new String[] {"s3:GetObject", "arn:aws:s3:::company-cloudtrail-logs/AWSLogs/*"},
      new String[] {"dynamodb:GetItem,dynamodb:PutItem,dynamodb:Query", "arn:aws:dynamodb:us-east-1:123456789012:table/t-%d"},
      new String[] {"logs:PutRetentionPolicy,logs:CreateLogStream,logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f-%d:*"},
      new String[] {"cloudtrail:StopLogging,cloudtrail:UpdateTrail", "arn:aws:cloudtrail:us-east-1:123456789012:trail/*"},
      new String[] {"iam:PassRole", "arn:aws:iam::123456789012:role/app-%d"},
      new String[] {"lambda:CreateFunction,lambda:UpdateFunctionCode", "*"},
      new String[] {"iam:CreatePolicyVersion,iam:SetDefaultPolicyVersion", "arn:aws:iam::123456789012:policy/p-%d"},
      new String[] {"sqs:SendMessage,sqs:ReceiveMessage", "arn:aws:sqs:us-east-1:123456789012:q-%d"},
      new String[] {"kms:Decrypt,kms:Encrypt", "*"},
      new String[] {"sts:AssumeRole", "arn:aws:iam::123456789012:role/role-%d"},
      new String[] {"s3:*", "*"},
      new String[] {"guardduty:Get*,guardduty:List*,config:Describe*", "*"});

  private SyntheticAccount() {}

  /** The export as JSON text. */
  public static String export(int users, int roles, int groups, int policies, long seed) {
    Random rnd = new Random(seed);
    ObjectNode root = F.objectNode();
    ArrayNode pl = root.putArray("Policies");
    for (int i = 0; i < policies; i++) {
      ObjectNode doc = F.objectNode();
      doc.put("Version", "2012-10-17");
      ArrayNode sts = doc.putArray("Statement");
      int n = 2 + rnd.nextInt(4);
      for (int s = 0; s < n; s++) {
        String[] t = STATEMENTS.get(rnd.nextInt(STATEMENTS.size()));
        ObjectNode st = sts.addObject();
        st.put("Sid", "S" + s);
        st.put("Effect", "Allow");
        ArrayNode a = st.putArray("Action");
        for (String x : t[0].split(",")) {
          a.add(x);
        }
        ArrayNode r = st.putArray("Resource");
        int k = rnd.nextInt(300);
        for (String x : t[1].split(",")) {
          r.add(x.replace("%d", Integer.toString(k)));
        }
        if (rnd.nextInt(10) == 0) {
          st.putObject("Condition").putObject("Bool").put("aws:MultiFactorAuthPresent", "true");
        }
      }
      if (rnd.nextInt(20) == 0) {
        ObjectNode deny = sts.addObject();
        deny.put("Effect", "Deny");
        deny.putArray("NotAction").add("iam:*MFA*").add("sts:GetSessionToken");
        deny.put("Resource", "*");
        deny.putObject("Condition").putObject("BoolIfExists").put("aws:MultiFactorAuthPresent", "false");
      }
      ObjectNode p = pl.addObject();
      p.put("PolicyName", "p-" + i);
      p.put("PolicyId", "ANPA" + i);
      p.put("Arn", "arn:aws:iam::" + ACCOUNT + ":policy/p-" + i);
      p.put("Path", "/");
      p.put("DefaultVersionId", "v1");
      p.put("AttachmentCount", 1);
      ObjectNode v = p.putArray("PolicyVersionList").addObject();
      v.set("Document", doc);
      v.put("VersionId", "v1");
      v.put("IsDefaultVersion", true);
    }
    ArrayNode gl = root.putArray("GroupDetailList");
    for (int g = 0; g < groups; g++) {
      ObjectNode grp = gl.addObject();
      grp.put("GroupName", "g-" + g);
      grp.put("GroupId", "AGPA" + g);
      grp.put("Arn", "arn:aws:iam::" + ACCOUNT + ":group/g-" + g);
      grp.put("Path", "/");
      grp.putArray("GroupPolicyList");
      attach(grp.putArray("AttachedManagedPolicies"), rnd, policies, 8);
    }
    ArrayNode ul = root.putArray("UserDetailList");
    for (int u = 0; u < users; u++) {
      ObjectNode user = ul.addObject();
      user.put("UserName", "user-" + u);
      user.put("UserId", "AIDA" + u);
      user.put("Arn", "arn:aws:iam::" + ACCOUNT + ":user/user-" + u);
      user.put("Path", "/");
      ArrayNode gs = user.putArray("GroupList");
      gs.add("g-" + rnd.nextInt(groups));
      if (rnd.nextBoolean()) {
        gs.add("g-" + rnd.nextInt(groups));
      }
      user.putArray("UserPolicyList");
      attach(user.putArray("AttachedManagedPolicies"), rnd, policies, 2);
    }
    ArrayNode rl = root.putArray("RoleDetailList");
    for (int r = 0; r < roles; r++) {
      ObjectNode role = rl.addObject();
      role.put("RoleName", "role-" + r);
      role.put("RoleId", "AROA" + r);
      role.put("Arn", "arn:aws:iam::" + ACCOUNT + ":role/role-" + r);
      role.put("Path", "/");
      ObjectNode trust = role.putObject("AssumeRolePolicyDocument");
      trust.put("Version", "2012-10-17");
      ObjectNode ts = trust.putArray("Statement").addObject();
      ts.put("Effect", "Allow");
      ts.put("Action", "sts:AssumeRole");
      if (r % 3 == 0) {
        ts.putObject("Principal").put("Service", "lambda.amazonaws.com");
      } else {
        ts.putObject("Principal").put("AWS", "arn:aws:iam::" + ACCOUNT + ":root");
        ts.putObject("Condition").putObject("Bool").put("aws:MultiFactorAuthPresent", "true");
      }
      role.putArray("InstanceProfileList");
      role.putArray("RolePolicyList");
      attach(role.putArray("AttachedManagedPolicies"), rnd, policies, 3);
    }
    return root.toString();
  }

  private static void attach(ArrayNode out, Random rnd, int policies, int n) {
    for (int i = 0; i < n; i++) {
      int p = rnd.nextInt(policies);
      out.addObject().put("PolicyName", "p-" + p).put("PolicyArn", "arn:aws:iam::" + ACCOUNT + ":policy/p-" + p);
    }
  }

  /** Writes the benchmark's export (300 users, 200 roles, 40 groups, 2 000 policies) to the file given. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "synthetic-authz-details.json");
    Files.writeString(out, new ObjectMapper().readTree(export(300, 200, 40, 2000, 42)).toPrettyString());
    System.out.println("wrote " + out);
  }
}
