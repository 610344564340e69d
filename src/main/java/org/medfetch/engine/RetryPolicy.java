package org.medfetch.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (a random wait between zero and base * 2^attempt, capped), never
 * shorter than what the server asked for with Retry-After.
 *
 * @param attempts how many failures in a row without progress a file may have before the run gives up
 *                 on it (it stays retryable for the next run)
 * @param maxWait  the longest a run waits before a retry; a file that must wait longer (a server's
 *                 Retry-After of a day) is left for a later run, retryable from the time it may be retried
 */
public record RetryPolicy(int attempts, Duration base, Duration cap, RandomGenerator random, Duration maxWait) {

    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(10);

    public RetryPolicy(int attempts, Duration base, Duration cap, RandomGenerator random) {
        this(attempts, base, cap, random, DEFAULT_MAX_WAIT);
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), RandomGenerator.getDefault());
    }

    public RetryPolicy withAttempts(int n) {
        return new RetryPolicy(n, base, cap, random, maxWait);
    }

    public RetryPolicy withMaxWait(Duration longest) {
        return new RetryPolicy(attempts, base, cap, random, longest);
    }

    /** The wait before retry number {@code attempt} (1-based). */
    public Duration delay(int attempt, Duration retryAfter) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        Duration jittered = Duration.ofMillis(random.nextLong(ceiling + 1));
        return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
    }

    /** Whether a run may wait this long, or must leave the file for later. */
    public boolean tooLong(Duration wait) {
        return wait.compareTo(maxWait) > 0;
    }
}
