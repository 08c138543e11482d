package io.tripline.simulator;

import java.util.Map;

/** Per-service facts of the catalog: event source, protocol quirks, denied and other errors. */
record ServiceSpec(
    String name,
    String eventSource,
    String docs,
    String protocol,
    boolean global,
    boolean bracketedUserAgent,
    String consoleUserAgent,
    ApiCall.DeniedShape denied,
    Map<String, Template> errorMessages) {}
