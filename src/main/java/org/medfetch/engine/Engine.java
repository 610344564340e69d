package org.medfetch.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Store;
import org.medfetch.store.StoreException;

/**
 * Works the queue: claims runnable files (safely, even with other medfetch processes on the same
 * workspace), hands each to the transfer for its kind of source, retries with backoff, and records the
 * outcome. Leases are renewed while this process lives; a killed process's files become claimable once
 * its leases expire.
 */
public final class Engine {

    /** How long a claim lasts without renewal; a killed process's files are free again after this. */
    static final long LEASE_MILLIS = 30_000;

    private final Store store;
    private final Path workspace;
    private final Transfers transfers;
    private final Clock clock;
    private final String owner = LeaseOwner.create();

    public Engine(Store store, Path workspace, Transfers transfers, Clock clock) {
        this.store = store;
        this.workspace = workspace;
        this.transfers = transfers;
        this.clock = clock;
    }

    /**
     * Runs until nothing runnable is left or {@code stop} is raised. Files that fail for good are
     * marked failed; files that may succeed later are marked retrying and not tried again in this run.
     */
    public RunReport run(RunOptions options, Progress progress, StopSignal stop) {
        return run(options, progress, stop, null);
    }

    /**
     * Like {@link #run(RunOptions, Progress, StopSignal)}, working only the files of these jobs ({@code jobs}
     * null: every job): a command asked for some datasets neither waits for nor reports on the others.
     */
    public RunReport run(RunOptions options, Progress progress, StopSignal stop, Set<Long> jobs) {
        return follow(options, progress, stop, jobs, null, round -> { });
    }

    /**
     * Like {@link #run(RunOptions, Progress, StopSignal, Set)}, and with {@code poll} keeps going until
     * {@code stop}: whenever nothing is runnable it hands the round's report to {@code between}, waits
     * {@code poll} and looks again (a long-lived worker on a shared queue). This process shows among the
     * queue's workers all along.
     */
    public RunReport follow(RunOptions options, Progress progress, StopSignal stop, Set<Long> jobs, Duration poll,
                            Consumer<RunReport> between) {
        AtomicReference<String> halted = new AtomicReference<>();
        if (!announce(halted)) {
            return new RunReport(List.of(), List.of(), 0, halted.get());
        }
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("medfetch-lease"));
        heartbeat.scheduleAtFixedRate(() -> renewQuietly(), LEASE_MILLIS / 3, LEASE_MILLIS / 3, TimeUnit.MILLISECONDS);
        RunReport total = new RunReport(List.of(), List.of(), 0, null);
        try {
            while (true) {
                RunReport round = round(options, progress, stop, jobs, halted);
                total = total.and(round);
                if (poll == null || stop.raised() || round.halted() != null) {
                    return total;
                }
                between.accept(round);
                if (!FileWork.sleep(poll, stop)) {
                    return total;
                }
            }
        } finally {
            heartbeat.shutdownNow();
            try {
                store.stopWorker(owner);
            } catch (StoreException e) {
                // its lease lapses on its own; the workers list stops showing it then
            }
        }
    }

    /** Works the queue until nothing runnable is left (or the stop), with options.parallel() files at once. */
    private RunReport round(RunOptions options, Progress progress, StopSignal stop, Set<Long> jobs,
                            AtomicReference<String> halted) {
        Set<Long> givenUp = ConcurrentHashMap.newKeySet();
        List<RunReport.Completed> completed = java.util.Collections.synchronizedList(new ArrayList<>());
        List<RunReport.Failure> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger stopped = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, options.parallel()), daemon("medfetch-worker"));
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int i = 0; i < Math.max(1, options.parallel()); i++) {
                running.add(workers.submit(() -> {
                    FileWork work = new FileWork(store, workspace, transfers, clock, owner, options, progress);
                    Optional<FileRecord> next;
                    while (!stop.raised() && (next = claim(givenUp, halted, jobs)).isPresent()) {
                        FileWork.Result result = work.process(next.get(), stop);
                        completed.addAll(result.completed());
                        result.failure().ifPresent(f -> {
                            failures.add(f);
                            givenUp.add(f.fileId());
                        });
                        if (result.stopped()) {
                            stopped.incrementAndGet();
                            givenUp.add(next.get().id());
                        }
                    }
                }));
            }
            for (var future : running) {
                waitFor(future);
            }
        } finally {
            workers.shutdownNow();
        }
        return new RunReport(List.copyOf(completed), List.copyOf(failures), stopped.get(), halted.get());
    }

    /** Shows this process among the queue's workers; false (and why in halted) when the store cannot be written. */
    private boolean announce(AtomicReference<String> halted) {
        try {
            store.startWorker(LeaseOwner.worker(owner), LEASE_MILLIS);
            return true;
        } catch (StoreException e) {
            halt(e, halted);
            return false;
        }
    }

    /** The next file for this process; none once the store cannot be written (a full disk, a lost server). */
    private Optional<FileRecord> claim(Set<Long> givenUp, AtomicReference<String> halted, Set<Long> jobs) {
        if (halted.get() != null || jobs != null && jobs.isEmpty()) {
            return Optional.empty();
        }
        try {
            return store.claim(owner, LEASE_MILLIS, givenUp, LeaseOwner::gone, jobs);
        } catch (StoreException e) {
            halt(e, halted);
            return Optional.empty();
        }
    }

    private static void halt(StoreException e, AtomicReference<String> halted) {
        if (!e.retryable()) {
            throw e;
        }
        halted.compareAndSet(null, e.getMessage() + (e.diskFull() ? "; free space and run again"
                : "; run again once it is back"));
    }

    private void renewQuietly() {
        try {
            store.renewLeases(owner, LEASE_MILLIS);
        } catch (RuntimeException e) {
            // A busy database is retried at the next beat; the lease has two more beats to spare.
        }
    }

    private static void waitFor(java.util.concurrent.Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a download worker failed: " + e.getCause(), e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
