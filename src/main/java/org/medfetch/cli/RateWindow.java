package org.medfetch.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The download rate over a moving window (the last 10 s by default), from samples of the total bytes
 * fetched: an average since the start said "3 s left" with 45 s to go once a fast start slowed down. Times
 * are given by the caller, so it is a pure computation.
 */
final class RateWindow {

    static final long WINDOW_NANOS = 10_000_000_000L;

    private record Sample(long nanos, long bytes) {
    }

    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    RateWindow() {
        this(WINDOW_NANOS);
    }

    RateWindow(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Records that {@code bytes} were fetched in all by {@code nanos}; drops samples older than the window. */
    synchronized void sample(long nanos, long bytes) {
        samples.addLast(new Sample(nanos, bytes));
        while (samples.size() > 2 && samples.peekFirst().nanos() < nanos - windowNanos) {
            samples.removeFirst();
        }
    }

    /** Bytes per second over the window, or -1 before two samples half a second apart. */
    synchronized double rate() {
        if (samples.size() < 2) {
            return -1;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long span = last.nanos() - first.nanos();
        return span < 500_000_000L ? -1 : (last.bytes() - first.bytes()) * 1e9 / span;
    }

    /** Seconds until {@code left} more bytes are fetched at the window's rate, or -1 when unknown. */
    synchronized long etaSeconds(long left) {
        double rate = rate();
        return rate <= 0 || left < 0 ? -1 : (long) Math.ceil(left / rate);
    }
}
