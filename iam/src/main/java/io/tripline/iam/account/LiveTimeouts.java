package io.tripline.iam.account;

import java.time.Duration;

/**
 * How long a live AWS read waits: for a connection, and for each read on it (per attempt; the SDK
 * retries a failed attempt a few times). Defaults are a few seconds, so an unreachable or silent
 * endpoint fails fast with a message instead of hanging.
 */
public record LiveTimeouts(Duration connect, Duration read) {

  public static final LiveTimeouts DEFAULT = new LiveTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));

  public LiveTimeouts {
    if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  /** "connect 5 s, read 15 s", for messages. */
  public String describe() {
    return "connect " + seconds(connect) + ", read " + seconds(read);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }
}
