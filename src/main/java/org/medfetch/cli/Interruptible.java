package org.medfetch.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.medfetch.engine.StopSignal;

/**
 * Runs work that Ctrl-C stops cleanly: the JVM's shutdown hook raises the stop signal and waits (a
 * little) for the work to record its progress and leave its files paused, resumable.
 */
final class Interruptible {

    private Interruptible() {
    }

    static <T> T run(Function<StopSignal, T> work) {
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.raise(StopSignal.Reason.INTERRUPTED);
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "medfetch-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.apply(stop);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for the latch released above.
            }
        }
    }
}
