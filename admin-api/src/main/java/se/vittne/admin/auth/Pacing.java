package se.vittne.admin.auth;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs work so that it never finishes sooner than a minimum time, succeeding or failing. Logging in
 * and asking for a reset link are paced this way: whether the address has a login, whether the
 * password was right, whether a mail was queued, the caller waits the same.
 */
final class Pacing {
  private Pacing() {}

  static <T> T atLeast(Duration minimum, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      long remaining = minimum.toNanos() - (System.nanoTime() - start);
      if (remaining > 0) {
        try {
          Thread.sleep(Duration.ofNanos(remaining));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
