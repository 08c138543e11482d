package io.tripline.rego.eval;

/**
 * Lets another thread stop evaluations: once {@link #cancel()} is called, every evaluation given
 * this token ends with {@code eval_cancel_error: caller cancelled query execution} (OPA's words)
 * at its next check.
 */
public final class Cancellation {
  private volatile boolean cancelled;

  public void cancel() {
    cancelled = true;
  }

  public boolean cancelled() {
    return cancelled;
  }
}
