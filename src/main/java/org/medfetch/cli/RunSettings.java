package org.medfetch.cli;

import java.time.Duration;
import org.medfetch.engine.ByteCount;
import org.medfetch.engine.RateLimiter;
import org.medfetch.engine.RetryPolicy;
import org.medfetch.engine.RunOptions;
import org.medfetch.engine.TransferOptions;
import org.medfetch.workflow.UsageException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What run, get and sync take: files and connections at once, rate, retries and their longest wait, timeout,
 * progress, extraction limits. */
final class RunSettings {

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2",
            description = "Files downloaded at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = {"-x", "--connections"}, paramLabel = "N", defaultValue = "4",
            description = "Connections per file for servers that allow ranges (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--max-rate", paramLabel = "RATE",
            description = "Limit the total download rate, e.g. 500K, 20M, 1.5G bytes per second.")
    String maxRate;

    @Option(names = "--max-upload-rate", paramLabel = "RATE",
            description = "Limit what torrents send to peers in total, e.g. 500K, 2M bytes per second.")
    String maxUploadRate;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "Failures in a row without progress before a file is left for the next run (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--max-retry-wait", paramLabel = "SECONDS", defaultValue = "600",
            description = "The longest wait before a retry; a file whose server asks for more (Retry-After) is left "
                    + "retryable for a later run, not before the time it asked for (default: ${DEFAULT-VALUE}).")
    int maxRetryWait;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Connect and read timeout (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--no-progress", description = "No progress display (waits before a retry are still said).")
    boolean noProgress;

    @Option(names = "--verify", description = "Re-hash the finished files of the datasets worked on before starting "
            + "(without it only their size is checked); a file that no longer matches is reported with its fix, exit 1.")
    boolean verify;

    @Option(names = "--checkpoint-every", paramLabel = "SIZE", defaultValue = "16M",
            description = "Record progress after this many bytes per connection, or every second, whichever comes "
                    + "first (default: ${DEFAULT-VALUE}); a kill -9 loses at most this much per connection.")
    String checkpointEvery;

    @Mixin
    ExtractLimitOptions extractLimits;

    RunOptions options() {
        if (parallel < 1 || connections < 1 || connections > 32 || retries < 0 || timeout < 1 || maxRetryWait < 0) {
            throw new UsageException("--parallel and --timeout must be at least 1, --connections 1 to 32, --retries and "
                    + "--max-retry-wait 0 or more");
        }
        RateLimiter rate;
        RateLimiter upload;
        long batch;
        try {
            rate = maxRate == null ? RateLimiter.UNLIMITED : RateLimiter.parse(maxRate);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--max-rate: " + e.getMessage());
        }
        try {
            upload = maxUploadRate == null ? RateLimiter.UNLIMITED : RateLimiter.parse(maxUploadRate);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--max-upload-rate: " + e.getMessage());
        }
        try {
            batch = ByteCount.parse(checkpointEvery);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--checkpoint-every: " + e.getMessage());
        }
        TransferOptions defaults = TransferOptions.defaults();
        TransferOptions transfer = defaults.withConnections(connections).withTimeout(Duration.ofSeconds(timeout))
                .withRate(rate).withUploadRate(upload).withSegments(defaults.minSegmentBytes(), batch);
        return new RunOptions(parallel, transfer, RetryPolicy.defaults().withAttempts(retries)
                .withMaxWait(Duration.ofSeconds(maxRetryWait)));
    }
}
