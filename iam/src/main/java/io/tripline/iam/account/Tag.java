package io.tripline.iam.account;

/** A tag on a user or role. */
public record Tag(String key, String value) {}
