package io.tripline.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Documents AWS would reject get errors at the JSON pointer of the element at fault. */
class PolicyParserTest {

  private final PolicyParser parser = new PolicyParser();

  private ParsedPolicy identity(String json) {
    return parser.parse(json, PolicyKind.IDENTITY);
  }

  @Test
  void acceptsAStatementObjectAndSingleStrings() {
    ParsedPolicy p = identity("{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}");
    assertThat(p.ok()).isTrue();
    Statement st = p.document().statements().get(0);
    assertThat(st.sid()).isEqualTo("A");
    assertThat(st.action().values()).containsExactly("s3:GetObject");
    assertThat(st.resource().negated()).isFalse();
    assertThat(p.document().variablesEnabled()).isTrue();
  }

  @Test
  void effectIsCaseSensitive() {
    ParsedPolicy p = identity("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
    assertThat(p.ok()).isFalse();
    assertThat(p.errors()).extracting(PolicyProblem::pointer).containsExactly("/Statement/0/Effect");
  }

  @Test
  void actionAndNotActionTogetherIsAnError() {
    ParsedPolicy p = identity("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}");
    assertThat(p.errors()).extracting(PolicyProblem::pointer).containsExactly("/Statement/0/NotAction");
  }

  @Test
  void anIdentityPolicyCannotNameAPrincipal() {
    ParsedPolicy p = identity("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
    assertThat(p.errors()).extracting(PolicyProblem::pointer).containsExactly("/Statement/0/Principal");
  }

  @Test
  void aResourcePolicyNeedsAPrincipalButATrustPolicyNeedsNoResource() {
    ParsedPolicy missing = parser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}", PolicyKind.RESOURCE);
    assertThat(missing.errors()).extracting(PolicyProblem::pointer).containsExactly("/Statement/0");
    ParsedPolicy trust = parser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}", PolicyKind.RESOURCE);
    assertThat(trust.ok()).isTrue();
  }

  @Test
  void unknownOperatorsAndBadValuesPointAtTheirKey() {
    ParsedPolicy p = identity("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEqualz\":{\"aws:username\":\"x\"},\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"not-an-ip\"]},"
        + "\"NumericLessThan\":{\"s3:max-keys\":\"ten\"},\"NullIfExists\":{\"aws:TokenIssueTime\":\"true\"}}}]}");
    assertThat(p.errors()).extracting(PolicyProblem::pointer).containsExactlyInAnyOrder(
        "/Statement/0/Condition/StringEqualz",
        "/Statement/0/Condition/IpAddress/aws:SourceIp/1",
        "/Statement/0/Condition/NumericLessThan/s3:max-keys",
        "/Statement/0/Condition/NullIfExists");
  }

  @Test
  void keysWithSlashesAreEscapedInPointers() {
    ParsedPolicy p = identity("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"DateLessThan\":{\"aws:PrincipalTag/expires\":\"soon\"}}}]}");
    assertThat(p.errors()).extracting(PolicyProblem::pointer).containsExactly("/Statement/0/Condition/DateLessThan/aws:PrincipalTag~1expires");
  }

  @Test
  void operatorsParseWithSetQualifiersAndIfExists() {
    ParsedPolicy p = identity("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Condition\":{\"ForAnyValue:StringNotLikeIfExists\":{\"aws:TagKeys\":[\"a*\",\"b\"]},\"Bool\":{\"aws:SecureTransport\":false}}}]}");
    assertThat(p.ok()).isTrue();
    ConditionClause c = p.document().statements().get(0).conditions().get(0);
    assertThat(c.qualifier()).isEqualTo(SetQualifier.FOR_ANY_VALUE);
    assertThat(c.operator()).isEqualTo(ConditionOperator.STRING_NOT_LIKE);
    assertThat(c.ifExists()).isTrue();
    assertThat(p.document().statements().get(0).conditions().get(1).values()).containsExactly("false");
  }

  @Test
  void malformedActionsAndResourcesAreErrors() {
    ParsedPolicy p = identity("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"GetObject\"],\"Resource\":\"bucket/key\"}]}");
    assertThat(p.errors()).extracting(PolicyProblem::pointer).containsExactlyInAnyOrder("/Statement/0/Action/1", "/Statement/0/Resource");
  }

  @Test
  void missingVersionIsAWarningAndTurnsVariablesOff() {
    ParsedPolicy p = identity("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::${aws:username}\"}]}");
    assertThat(p.ok()).isTrue();
    assertThat(p.warnings()).extracting(PolicyProblem::pointer).containsExactly("");
    assertThat(p.document().variablesEnabled()).isFalse();
  }

  @Test
  void duplicateKeysAndBadJsonAreErrorsNotExceptions() {
    assertThat(identity("{\"Version\":\"2012-10-17\",\"Version\":\"2012-10-17\",\"Statement\":[]}").ok()).isFalse();
    ParsedPolicy broken = identity("{\"Version\": ");
    assertThat(broken.ok()).isFalse();
    assertThat(broken.errors().get(0).message()).contains("not valid JSON");
  }

  @Test
  void unknownElementsAreErrors() {
    ParsedPolicy p = identity("{\"Version\":\"2012-10-17\",\"statement\":[]}");
    assertThat(p.errors()).extracting(PolicyProblem::pointer).contains("/statement", "");
  }

  @Test
  void rcpPrincipalMustBeEveryone() {
    ParsedPolicy p = parser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"123456789012\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}]}", PolicyKind.RESOURCE_CONTROL);
    assertThat(p.errors()).extracting(PolicyProblem::pointer).containsExactly("/Statement/0/Principal");
  }

  @Test
  void urlEncodedTextIsDecodedAndPlusStaysPlus() throws Exception {
    String encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Aa+b%2Fc%20d%22%7D%5D%7D";
    ParsedPolicy p = identity(PolicyText.decode(encoded));
    assertThat(p.ok()).isTrue();
    assertThat(p.document().statements().get(0).resource().values()).containsExactly("arn:aws:s3:::a+b/c d");
  }
}
