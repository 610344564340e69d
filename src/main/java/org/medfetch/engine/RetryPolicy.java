package org.medfetch.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (a random wait between zero and base * 2^attempt, capped), never
 * shorter than what the server asked for with Retry-After.
 *
 * @param attempts how many failures in a row without progress a file may have before the run gives up
 *                 on it (it stays retryable for the next run)
 */
public record RetryPolicy(int attempts, Duration base, Duration cap, RandomGenerator random) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), RandomGenerator.getDefault());
    }

    public RetryPolicy withAttempts(int n) {
        return new RetryPolicy(n, base, cap, random);
    }

    /** The wait before retry number {@code attempt} (1-based). */
    public Duration delay(int attempt, Duration retryAfter) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        Duration jittered = Duration.ofMillis(random.nextLong(ceiling + 1));
        return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
    }
}
