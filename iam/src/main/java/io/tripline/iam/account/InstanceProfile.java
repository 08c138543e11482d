package io.tripline.iam.account;

import java.util.List;

/** An EC2 instance profile and the roles in it. */
public record InstanceProfile(String arn, String name, String id, String path, List<String> roleArns) {
  public InstanceProfile {
    roleArns = List.copyOf(roleArns);
  }
}
