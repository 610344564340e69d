package org.medfetch.engine;

/**
 * How one run works the queue.
 *
 * @param parallel files worked on at once
 * @param transfer per-file limits and tuning
 * @param retry    backoff and attempts per file
 */
public record RunOptions(int parallel, TransferOptions transfer, RetryPolicy retry) {

    public static RunOptions defaults() {
        return new RunOptions(2, TransferOptions.defaults(), RetryPolicy.defaults());
    }
}
