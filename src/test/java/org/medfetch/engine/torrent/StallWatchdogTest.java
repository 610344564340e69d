package org.medfetch.engine.torrent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StallWatchdogTest {

    private long now;
    private final StallWatchdog watchdog = new StallWatchdog(Duration.ofSeconds(10), 1000, () -> now);

    @Test
    void aCompletedPieceIsProgress() {
        watchdog.observe(0, 0);
        advance(9);
        watchdog.observe(1, 0);
        advance(9);
        assertFalse(watchdog.stalled());
        advance(2);
        assertTrue(watchdog.stalled());
    }

    @Test
    void bytesCountOnlyUpToTheBudgetSinceTheLastPiece() {
        watchdog.observe(3, 0);
        advance(9);
        watchdog.observe(3, 600);
        advance(9);
        assertFalse(watchdog.stalled(), "bytes still on their way to a piece");
        watchdog.observe(3, 1200);
        advance(2);
        assertTrue(watchdog.stalled(), "a peer resending a bad piece moves bytes, never a piece");
    }

    @Test
    void aCounterThatFallsBackToZeroIsNotProgress() {
        watchdog.observe(3, 900);
        advance(11);
        watchdog.observe(3, 0);
        assertTrue(watchdog.stalled());
    }

    @Test
    void aRecheckGetsItsAllowanceUntilTheFirstReport() {
        watchdog.allow(Duration.ofSeconds(30));
        advance(35);
        assertFalse(watchdog.stalled());
        watchdog.observe(5, 0);
        advance(11);
        assertTrue(watchdog.stalled(), "the allowance ends with the re-check");
    }

    private void advance(long seconds) {
        now += Duration.ofSeconds(seconds).toNanos();
    }
}
