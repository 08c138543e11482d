package io.tripline.simulator.world;

/**
 * What trail selectors look at in an event: source, name, read/write, category, region, and for
 * data events the ARN of the object (or {@code arn:aws:s3:::bucket/} for bucket-level data calls).
 */
public record EventFacts(String eventSource, String eventName, boolean readOnly, boolean dataEvent, String region,
    boolean globalService, String resourceType, String dataArn) {}
