package io.tripline.rego;

import java.util.function.Supplier;

/**
 * Runs parsing, compiling and deep evaluations on a thread with a large stack, so that Rego nested
 * up to {@link io.tripline.rego.parser.RegoParser#MAX_DEPTH} levels (brackets, operator chains,
 * long bodies) neither overflows the caller's stack nor needs {@code -Xss}. A call made on such a
 * thread runs directly. Errors and runtime exceptions reach the caller unchanged.
 */
public final class DeepStack {
  /** Stack of the worker threads: reserved address space, committed only as far as it is used. */
  static final long STACK_BYTES = 1L << 30;
  private static final ThreadLocal<Boolean> ON_DEEP = ThreadLocal.withInitial(() -> false);

  private DeepStack() {}

  /** Whether the current thread already has the large stack. */
  public static boolean onDeepStack() {
    return ON_DEEP.get();
  }

  /** {@code work} on a large stack: here when this thread has one, else on a new thread, waiting for it. */
  public static <T> T call(Supplier<T> work) {
    if (ON_DEEP.get()) {
      return work.get();
    }
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t = new Thread(null, () -> {
      ON_DEEP.set(true);
      try {
        result[0] = work.get();
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "tripline-rego-deep", STACK_BYTES);
    t.setDaemon(true);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the evaluation has its own deadline and cancellation; wait for it
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] instanceof RuntimeException r) {
      throw r;
    }
    if (failure[0] instanceof Error e) {
      throw e;
    }
    if (failure[0] != null) {
      throw new IllegalStateException(failure[0]);
    }
    @SuppressWarnings("unchecked")
    T out = (T) result[0];
    return out;
  }
}
