package dev.tracelight.tracing;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before sending again: retry on 429, 502, 503, 504 and I/O errors, with
 * exponential backoff and jitter, honouring the server's {@code Retry-After}.
 */
final class RetryPolicy {
  static final Duration INITIAL_BACKOFF = Duration.ofMillis(250);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

  private RetryPolicy() {}

  static boolean isRetryable(IOException e) {
    if (e instanceof MlflowRestException) {
      int status = ((MlflowRestException) e).statusCode();
      return status == 429 || status == 502 || status == 503 || status == 504;
    }
    return true; // connection refused or reset, timeouts: the server may come back
  }

  /** The wait before retry number {@code attempt} (0 for the first retry). */
  static Duration delay(int attempt, IOException e) {
    Duration retryAfter = e instanceof MlflowRestException ? ((MlflowRestException) e).retryAfter() : null;
    if (retryAfter != null) {
      return retryAfter;
    }
    long ceiling = Math.min(MAX_BACKOFF.toMillis(), INITIAL_BACKOFF.toMillis() << Math.min(attempt, 16));
    // "Equal jitter": at least half the backoff, so retries neither synchronize nor hammer.
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }
}
