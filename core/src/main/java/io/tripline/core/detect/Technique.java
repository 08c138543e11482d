package io.tripline.core.detect;

/** An ATT&CK technique as a rule's metadata names it: id ({@code T1562.008}) and ATT&CK version ({@code 18}). */
public record Technique(String id, String version) {}
