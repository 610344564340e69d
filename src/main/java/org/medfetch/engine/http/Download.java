package org.medfetch.engine.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.medfetch.engine.Checkpoints;
import org.medfetch.engine.Progress;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.engine.TransferOptions;
import org.medfetch.engine.TransferStopped;
import org.medfetch.engine.TransferTask;
import org.medfetch.resolve.Source.HttpSource;

/**
 * One attempt at the bytes of a file: the segment workers, the journal that records their progress
 * and the hasher that follows them, started together and stopped together. Ends with every byte
 * written, forced, recorded and hashed, or with the first failure (progress kept).
 */
final class Download {

    /** What a finished attempt produced: the file's size and its digests. */
    record Outcome(long size, Digests.Result digests) {
    }

    /** How often the waiting thread looks at the stop signal while workers run. */
    private static final long POLL_MILLIS = 200;
    /**
     * Buffers per connection: one being filled while others wait for the hasher, which takes the bytes of
     * the connection that continues the hashed prefix from its buffers (a few MiB of a file's lead).
     */
    private static final int RING = 4;

    final long fileId;
    final TransferOptions options;
    final Progress progress;
    final StopSignal stop;
    private final StopSignal taskStop;
    final PartFile part;
    final SegmentPlan plan;
    final Requester requester;
    final Journal journal;
    final PrefixHasher hasher;
    final Validators validators;
    final boolean resuming;
    final boolean ranges;
    final Long publishedSize;
    private final Reply first;
    private final Checkpoints checkpoints;

    /**
     * @param validators what the remote file must still match (If-Range and answers), or NONE
     * @param resuming   bytes from an earlier attempt are on disk (answers without validators get an overlap check)
     * @param ranges     the server honours ranges, so idle connections may split segments
     * @param first      the open answer the first segment continues on, or null
     */
    Download(TransferTask<HttpSource> task, Progress progress, PartFile part, SegmentPlan plan, Requester requester,
             Validators validators, boolean resuming, boolean ranges, Expected expected, Reply first) {
        this.fileId = task.fileId();
        this.options = task.options();
        this.progress = progress;
        this.taskStop = task.stop();
        // A failing worker raises this one to stop its siblings, without touching the task's own signal.
        this.stop = new StopSignal(task.stop());
        this.part = part;
        this.plan = plan;
        this.requester = requester;
        this.journal = new Journal(part, plan, task.checkpoints(), options.batchBytes(), options.batchInterval(),
                "medfetch-journal-" + fileId);
        this.hasher = new PrefixHasher(part, plan, new Digests(expected.checksums()));
        this.validators = validators;
        this.resuming = resuming;
        this.ranges = ranges;
        this.publishedSize = expected.size();
        this.first = first;
        this.checkpoints = task.checkpoints();
    }

    Outcome run() throws TransferException, TransferStopped, RemoteChanged {
        List<SegmentWorker> workers = workers();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers.size() + 1, r -> {
            Thread t = new Thread(r, "medfetch-http-" + fileId + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Digests.Result> digests = pool.submit(hasher);
            journal.start();
            Exception failure = awaitAll(pool, workers);
            try {
                journal.close();
            } catch (TransferException | TransferStopped | RuntimeException e) {
                failure = failure == null ? e : failure;
            }
            if (failure != null || stop.raised()) {
                hasher.abandon();
                throw rethrow(failure);
            }
            progress.status(fileId, "verifying");
            checkpoints.verifying();
            hasher.finish();
            return new Outcome(plan.size(), result(digests));
        } finally {
            hasher.abandon();
            // Never interrupt: a thread interrupted inside a FileChannel operation closes the channel for every
            // thread, and the part file is still needed (a restart truncates it). The workers have ended; the
            // hasher stops at its next chunk.
            pool.shutdown();
            awaitQuietly(pool);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The connections to open: one per segment of a fresh plan, else as many as there is work for. */
    private List<SegmentWorker> workers() {
        List<SegmentWorker> workers = new ArrayList<>();
        int buffer = (int) Math.min(1 << 20, Math.max(8 << 10, options.batchBytes() / 2));
        if (first != null) {
            workers.add(new SegmentWorker(this, plan.first(), first, new BufferRing(buffer, RING)));
        }
        long unfinished = plan.size() < 0 ? 1 : plan.size() - plan.written();
        long worthwhile = ranges ? Math.max(1, unfinished / Math.max(1, options.minSegmentBytes())) : 1;
        int wanted = (int) Math.min(Math.max(1, options.connections()), worthwhile);
        while (workers.size() < wanted && !plan.complete()) {
            workers.add(new SegmentWorker(this, null, null, new BufferRing(buffer, RING)));
        }
        return workers;
    }

    /** Runs the workers to their end; on the first failure stops the rest. Returns that failure, or null. */
    private Exception awaitAll(ExecutorService pool, List<SegmentWorker> workers) {
        CompletionService<Void> done = new ExecutorCompletionService<>(pool);
        workers.forEach(done::submit);
        Exception failure = null;
        for (int running = workers.size(); running > 0; ) {
            Future<Void> f;
            try {
                f = done.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.raise(StopSignal.Reason.INTERRUPTED);
                requester.cancelAll();
                continue;
            }
            if (f == null) {
                if (stop.raised()) {
                    requester.cancelAll();
                }
                continue;
            }
            running--;
            try {
                f.get();
            } catch (ExecutionException e) {
                failure = failure == null && e.getCause() instanceof Exception cause ? cause : failure;
                stop.raise(StopSignal.Reason.INTERRUPTED);
                requester.cancelAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return failure;
    }

    /** A stop asked for from outside wins: progress is kept and the next run resumes. */
    private RuntimeException rethrow(Exception failure) throws TransferException, TransferStopped, RemoteChanged {
        if (taskStop.raised()) {
            throw new TransferStopped(taskStop.reason());
        }
        if (failure instanceof TransferStopped || failure == null) {
            throw new TransferStopped(StopSignal.Reason.INTERRUPTED);
        }
        if (failure instanceof TransferException t) {
            throw t;
        }
        if (failure instanceof RemoteChanged r) {
            throw r;
        }
        return failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
    }

    private Digests.Result result(Future<Digests.Result> digests) throws TransferException, TransferStopped {
        try {
            return digests.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferStopped(StopSignal.Reason.INTERRUPTED);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransferException t) {
                throw t;
            }
            throw new TransferException(Kind.IO, false, "hashing " + part.path() + " failed: " + e.getCause(), null,
                    e.getCause());
        }
    }
}
