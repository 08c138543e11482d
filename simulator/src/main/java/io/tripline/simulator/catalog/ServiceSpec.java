package io.tripline.simulator.catalog;

import io.tripline.simulator.template.Template;
import java.util.List;
import java.util.Map;

/**
 * Per-service facts of the catalog: event source, protocol quirks, denied and other errors, and
 * the {@code additionalEventData} fields that measure payloads ({@code payloadSizes}: zero on an
 * error response, which transfers no object).
 */
public record ServiceSpec(
    String name,
    String eventSource,
    String docs,
    String protocol,
    boolean global,
    boolean bracketedUserAgent,
    String consoleUserAgent,
    ApiCall.DeniedShape denied,
    Map<String, Template> errorMessages,
    List<String> payloadSizes) {

  /** Console-originated calls: {@code invokedBy} and {@code userAgent} are the sign-in service. */
  public static final String CONSOLE_AGENT = "signin.amazonaws.com";
}
