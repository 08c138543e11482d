package io.tripline.iam.account;

/** A managed policy attached to a user, group or role. */
public record AttachedPolicy(String policyArn, String policyName) {}
