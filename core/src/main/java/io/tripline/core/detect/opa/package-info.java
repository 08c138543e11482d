/**
 * OPA's REST Data API on both sides: {@link io.tripline.core.detect.opa.OpaEvaluator} runs the rule
 * library on a remote OPA (one request per batch of records, through the {@code tripline.opa}
 * wrapper package), and {@link io.tripline.core.detect.opa.DataApiServer} serves the embedded
 * engine behind the same API ({@code tripline serve}). Uses {@code detect}, the Rego engine, Jackson
 * and the JDK's {@code java.net.http} and {@code com.sun.net.httpserver}.
 */
package io.tripline.core.detect.opa;
