package org.medfetch.engine;

import java.time.Duration;

/**
 * Limits and tuning of one run.
 *
 * @param connections     connections per file (segments fetched at once)
 * @param timeout         connect and read timeout of one request
 * @param rate            shared limit on the total throughput of this process
 * @param minSegmentBytes a file is not split into segments smaller than this
 * @param batchBytes      progress is committed after this many bytes of a segment ...
 * @param batchInterval   ... or after this much time, whichever comes first
 * @param uploadRate      shared limit on what this process's torrents send to peers
 */
public record TransferOptions(
        int connections,
        Duration timeout,
        RateLimiter rate,
        long minSegmentBytes,
        long batchBytes,
        Duration batchInterval,
        RateLimiter uploadRate) {

    public static final long MIB = 1024L * 1024;

    public static TransferOptions defaults() {
        return new TransferOptions(4, Duration.ofSeconds(60), RateLimiter.UNLIMITED, 16 * MIB, 16 * MIB,
                Duration.ofSeconds(1), RateLimiter.UNLIMITED);
    }

    public TransferOptions withConnections(int n) {
        return new TransferOptions(n, timeout, rate, minSegmentBytes, batchBytes, batchInterval, uploadRate);
    }

    public TransferOptions withTimeout(Duration t) {
        return new TransferOptions(connections, t, rate, minSegmentBytes, batchBytes, batchInterval, uploadRate);
    }

    public TransferOptions withRate(RateLimiter r) {
        return new TransferOptions(connections, timeout, r, minSegmentBytes, batchBytes, batchInterval, uploadRate);
    }

    public TransferOptions withUploadRate(RateLimiter r) {
        return new TransferOptions(connections, timeout, rate, minSegmentBytes, batchBytes, batchInterval, r);
    }

    public TransferOptions withSegments(long minSegment, long batch) {
        return new TransferOptions(connections, timeout, rate, minSegment, batch, batchInterval, uploadRate);
    }
}
