package io.tripline.simulator.catalog;

import io.tripline.simulator.template.Template;
import java.util.Set;

/**
 * How one AWS API call appears in CloudTrail, as the catalog describes it. Templates are compiled
 * once; {@code requestParams} lists the script parameters the templates read (the rest of a
 * script's parameters are appended to requestParameters as given).
 */
public record ApiCall(
    ServiceSpec service,
    String action,
    String eventName,
    String eventType,
    boolean readOnly,
    boolean dataEvent,
    String eventVersion,
    String requestIdStyle,
    boolean signinIdentity,
    Template request,
    Template response,
    Template resources,
    Template additionalEventData,
    Template resourceArn,
    Template endpoint,
    String effect,
    DeniedShape whenDenied,
    Template serviceEventDetails,
    Set<String> consumedParams) {

  /** An event AWS itself emits (key rotation, ...): no caller, no request id, no TLS. */
  public boolean serviceEvent() {
    return "AwsServiceEvent".equals(eventType);
  }

  /** {@code service:Action}, the name scripts use. */
  public String key() {
    return service.name() + ":" + action;
  }

  public String eventCategory() {
    return dataEvent ? "Data" : "Management";
  }

  /** How a refused call is written: errorCode (may be null, as for ConsoleLogin), message, response. */
  public record DeniedShape(String errorCode, Template errorMessage, Template response) {}
}
