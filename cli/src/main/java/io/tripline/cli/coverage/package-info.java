/** {@code tripline coverage}: the main job; its terminal view and the report files it writes. */
package io.tripline.cli.coverage;
