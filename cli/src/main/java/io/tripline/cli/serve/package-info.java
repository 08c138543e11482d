/** {@code tripline serve}: the embedded engine behind OPA's REST Data API. Uses core's {@code detect.opa}. */
package io.tripline.cli.serve;
