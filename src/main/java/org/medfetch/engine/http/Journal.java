package org.medfetch.engine.http;

import java.time.Duration;
import org.medfetch.engine.Checkpoints;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferStopped;

/**
 * Records how far the segments got, on its own thread so that forcing data to disk does not stall the
 * connections. A commit captures the written positions, forces the part file, then records those
 * positions: recorded progress always describes bytes that are on the device. A commit starts when a
 * segment has half a batch pending or the batch interval passed; a worker about to exceed a whole
 * batch pending waits for it, so a kill -9 loses at most one batch per segment.
 */
final class Journal implements AutoCloseable {

    private final PartFile part;
    private final SegmentPlan plan;
    private final Checkpoints checkpoints;
    private final long batchBytes;
    private final long intervalMillis;
    private final Object signal = new Object();
    private final Thread thread;
    private boolean wanted;
    private boolean closed;
    private volatile Exception failure;

    Journal(PartFile part, SegmentPlan plan, Checkpoints checkpoints, long batchBytes, Duration interval, String name) {
        this.part = part;
        this.plan = plan;
        this.checkpoints = checkpoints;
        this.batchBytes = Math.max(1, batchBytes);
        this.intervalMillis = Math.max(1, interval.toMillis());
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Before writing {@code bytes} more to a segment: waits while that would leave more than a batch unrecorded. */
    void admit(LiveSegment s, long bytes) throws InterruptedException, TransferException {
        if (s.pending() + bytes <= batchBytes) {
            return;
        }
        synchronized (signal) {
            wanted = true;
            signal.notifyAll();
            while (s.pending() > 0 && s.pending() + bytes > batchBytes && failure == null && !closed) {
                signal.wait(100);
            }
        }
        check();
    }

    /** After a write: asks for a commit once half a batch is pending, without waiting for it. */
    void wrote(LiveSegment s) {
        if (s.pending() >= batchBytes / 2) {
            synchronized (signal) {
                wanted = true;
                signal.notifyAll();
            }
        }
    }

    /** Rethrows what stopped the commits (a full disk, a broken database), so the workers stop too. */
    void check() throws TransferException {
        Exception e = failure;
        if (e instanceof TransferException t) {
            throw t;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
    }

    /** Forces the part file and records every segment's new position. */
    synchronized void commit() throws TransferException, TransferStopped {
        SegmentPlan.Snapshot snapshot = plan.snapshot();
        if (snapshot.empty()) {
            return;
        }
        part.force();
        try {
            checkpoints.saveProgress(snapshot.doneByIndex());
        } finally {
            // saveProgress commits before it reports a pause, so the positions count as recorded either way.
            snapshot.positions().forEach(LiveSegment::committed);
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    /** Records a changed plan (a split): bounds as they are now, progress as last recorded. */
    synchronized void savePlan() {
        checkpoints.saveSegments(plan.recorded());
    }

    /** Stops the commit thread and records what is left. */
    @Override
    public void close() throws TransferException, TransferStopped {
        synchronized (signal) {
            closed = true;
            signal.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commit();
    }

    private void loop() {
        long last = System.nanoTime();
        while (true) {
            synchronized (signal) {
                long waited;
                while (!wanted && !closed && (waited = (System.nanoTime() - last) / 1_000_000) < intervalMillis) {
                    try {
                        signal.wait(intervalMillis - waited);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                wanted = false;
            }
            try {
                commit();
            } catch (TransferStopped stopped) {
                // The stop signal is raised: the workers notice it between reads.
            } catch (TransferException | RuntimeException e) {
                failure = e;
                synchronized (signal) {
                    signal.notifyAll();
                }
                return;
            }
            last = System.nanoTime();
        }
    }
}
