package org.medfetch.engine;

/**
 * A token bucket shared by every connection of a process, so --max-rate limits the total. Bursts are
 * capped at a quarter second of traffic.
 */
public final class RateLimiter {

    public static final RateLimiter UNLIMITED = new RateLimiter(0);

    private final long bytesPerSecond;
    private double tokens;
    private long lastNanos = System.nanoTime();

    /** @param bytesPerSecond the limit; 0 means none */
    public RateLimiter(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    public boolean limited() {
        return bytesPerSecond > 0;
    }

    /** Waits until {@code bytes} may pass. */
    public void acquire(long bytes) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(bytesPerSecond / 4.0, tokens + (now - lastNanos) * bytesPerSecond / 1e9);
            lastNanos = now;
            tokens -= bytes;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens * 1e9 / bytesPerSecond);
        }
        if (waitNanos > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    /** Parses 500K, 20M, 1.5G (bytes per second, binary multiples) or a plain number of bytes. */
    public static RateLimiter parse(String text) {
        return new RateLimiter(ByteCount.parse(text));
    }
}
