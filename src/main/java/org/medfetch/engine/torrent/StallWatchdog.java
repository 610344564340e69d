package org.medfetch.engine.torrent;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Notices a torrent that stopped advancing: bt 1.10 can spin or wait forever (no peers, an unreachable
 * tracker, a hung client), and nothing else would end it.
 *
 * <p>A completed piece is progress. Bytes received count too, so a slow swarm with large pieces is not
 * mistaken for a stalled one, but only up to a budget of bytes since the last completed piece: a peer
 * that keeps sending a piece that fails its hash check moves bytes and never a piece.
 */
final class StallWatchdog {

    private final long timeoutNanos;
    private final long byteBudget;
    private final LongSupplier clock;
    private long lastProgress;
    private long allowanceNanos;
    private int lastPieces = -1;
    private long lastDownloaded;
    private long bytesSincePiece;

    /**
     * @param byteBudget bytes that may arrive without a completed piece and still count as progress
     * @param clock      nanoseconds, monotonic
     */
    StallWatchdog(Duration timeout, long byteBudget, LongSupplier clock) {
        this.timeoutNanos = timeout.toNanos();
        this.byteBudget = byteBudget;
        this.clock = clock;
        this.lastProgress = clock.getAsLong();
    }

    /** Gives the next wait more time (re-checking existing data shows no progress while it runs). */
    void allow(Duration extra) {
        allowanceNanos = extra.toNanos();
        lastProgress = clock.getAsLong();
    }

    /** What bt reports now: pieces done and its byte counter (which may fall back to 0 on reconnects). */
    void observe(int piecesDone, long downloaded) {
        long now = clock.getAsLong();
        long delta = Math.max(0, downloaded - lastDownloaded);
        lastDownloaded = downloaded;
        if (piecesDone != lastPieces) {
            lastPieces = piecesDone;
            bytesSincePiece = 0;
            progressed(now);
        } else if (delta > 0) {
            bytesSincePiece += delta;
            if (bytesSincePiece <= byteBudget) {
                progressed(now);
            }
        }
    }

    boolean stalled() {
        return clock.getAsLong() - lastProgress > timeoutNanos + allowanceNanos;
    }

    private void progressed(long now) {
        lastProgress = now;
        allowanceNanos = 0;
    }
}
