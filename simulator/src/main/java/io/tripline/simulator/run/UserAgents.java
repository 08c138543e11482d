package io.tripline.simulator.run;

import io.tripline.simulator.catalog.ApiCall;
import io.tripline.simulator.scenario.Actor;

/**
 * User agents as clients send them, and the run tag. S3 writes user agents in brackets; console
 * sessions show the browser (or the S3 console's own agent); AWS services show their host name.
 */
final class UserAgents {

  static final String CLI = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/${command}";
  static final String SDK = "Boto3/1.34.60 md/Botocore#1.34.60 ua/2.0 os/linux#6.5.0-1016-aws md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.60";
  static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36";

  private UserAgents() {}

  static String of(Actor actor, ApiCall call, String runTag) {
    if (actor.type() == Actor.ActorType.AWSService) {
      return actor.service();
    }
    String base;
    if (actor.console() && !call.signinIdentity()) {
      base = call.service().consoleUserAgent();
    } else {
      base = actor.userAgent().orElse(switch (actor.via()) {
        case "console" -> BROWSER;
        case "sdk" -> SDK;
        default -> CLI;
      });
    }
    if (base.contains("${command}")) {
      base = base.replace("${command}", cliCommand(call));
    }
    boolean bracketed = base.startsWith("[") && base.endsWith("]");
    if (bracketed) {
      base = base.substring(1, base.length() - 1);
    }
    if (runTag != null && actor.invokedBy().isEmpty()) {
      base = base + " tripline_" + runTag;
    }
    return bracketed || call.service().bracketedUserAgent() ? "[" + base + "]" : base;
  }

  /** aws-cli's {@code command/service.operation}: {@code cloudtrail.describe-trails}, {@code s3api.get-object}. */
  static String cliCommand(ApiCall call) {
    String service = call.service().name().equals("s3") ? "s3api" : call.service().name().equals("monitoring") ? "cloudwatch" : call.service().name();
    StringBuilder sb = new StringBuilder(service).append('.');
    String a = call.action();
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && (!Character.isUpperCase(a.charAt(i - 1)) || (i + 1 < a.length() && Character.isLowerCase(a.charAt(i + 1))))) {
        sb.append('-');
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString();
  }
}
