/** {@code tripline detect}: the rule library over CloudTrail logs; the table, JSON and SARIF views of findings. */
package io.tripline.cli.detect;
