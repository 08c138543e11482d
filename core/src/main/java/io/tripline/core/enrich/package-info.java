/**
 * Enrichment of CloudTrail records with what the logs do not say: country and autonomous system
 * of the source address (bundled CC0 country and CC BY ASN data, or the user's MaxMind files).
 * Uses {@code detect} (the {@code Enricher} hook) and the maxmind-db reader.
 */
package io.tripline.core.enrich;
