package org.medfetch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.resolve.Source;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.Segment;
import org.medfetch.store.Store;

/**
 * The engine's own logic (claims, retries, outcomes, stops) with a scripted transfer: the real HTTP and
 * torrent transfers have their own tests, and the CLI tests run the engine with them.
 */
class EngineTest {

    @TempDir
    Path workspace;

    /** Fails as scripted (null = succeed), writing the file's name as its content on success. */
    static final class ScriptedTransfer implements Transfer<Source.HttpSource> {
        final Deque<Object> script = new ArrayDeque<>();
        final List<Long> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<CompletedFile> fetch(TransferTask<Source.HttpSource> task, Progress progress)
                throws TransferException, TransferStopped {
            calls.add(task.fileId());
            Object next;
            synchronized (script) {
                next = script.isEmpty() ? null : script.poll();
            }
            if (next instanceof TransferException e) {
                throw e;
            }
            if (next instanceof StopSignal.Reason reason) {
                throw new TransferStopped(reason);
            }
            if (next instanceof Long bytes) {
                // bytes kept: recorded as on disk, as a transfer does after forcing them
                long kept = task.checkpoints().segments().stream().mapToLong(Segment::done).sum();
                task.checkpoints().saveSegments(List.of(new Segment(0, 0, 1L << 40, kept + bytes)));
                progress.advanced(task.fileId(), bytes);
                throw new TransferException(TransferException.Kind.NETWORK, true, "connection reset after progress");
            }
            if (next instanceof Discarded discarded) {
                // bytes received and thrown away (a restart from zero): nothing more is on disk than before
                progress.advanced(task.fileId(), discarded.bytes());
                throw new TransferException(TransferException.Kind.NETWORK, true, "body cut short; starting over");
            }
            try {
                byte[] content = task.target().getFileName().toString().getBytes(StandardCharsets.UTF_8);
                Files.createDirectories(task.target().getParent());
                Files.write(task.target(), content);
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
                return List.of(new CompletedFile(task.target(), content.length, sha));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A scripted attempt that receives bytes and then loses them. */
    record Discarded(long bytes) {
    }

    private final ScriptedTransfer transfer = new ScriptedTransfer();

    private Store store() {
        return Store.open(workspace.resolve("downloads/.medfetch/state.db"), Clock.systemUTC());
    }

    private static RunOptions options(int parallel, int attempts) {
        RetryPolicy instant = new RetryPolicy(attempts, Duration.ZERO, Duration.ZERO, RandomGenerator.getDefault());
        return new RunOptions(parallel, TransferOptions.defaults(), instant);
    }

    private long queue(Store store, String dataset, String... names) {
        Job job = store.addJob(new NewJob(dataset, dataset, dataset, null, "direct", "http", "url", null,
                JobState.ACTIVE, null, null, null), "default");
        for (String name : names) {
            store.addFile(job.id(), new NewFile("http", "http://127.0.0.1:1/" + name, "downloads/" + dataset + "/" + name,
                    null, null, null, null));
        }
        return job.id();
    }

    private RunReport run(Store store, RunOptions options, StopSignal stop) {
        return new Engine(store, workspace, new Transfers(transfer, null), Clock.systemUTC())
                .run(options, Progress.NONE, stop);
    }

    @Test
    void completesEveryFileAndRecordsItsHash() {
        try (Store store = store()) {
            long job = queue(store, "ds", "a.bin", "b.bin", "c.bin");
            RunReport report = run(store, options(2, 3), new StopSignal());
            assertEquals(3, report.completed().size());
            for (FileRecord f : store.files(job)) {
                assertEquals(FileState.DONE, f.state());
                assertEquals(64, f.sha256().length());
                assertTrue(Files.exists(workspace.resolve(f.path())));
            }
            assertEquals(3, transfer.calls.size(), "each file once");
        }
    }

    @Test
    void retriesRetryableFailuresThenSucceeds() {
        try (Store store = store()) {
            long job = queue(store, "ds", "a.bin");
            transfer.script.add(new TransferException(TransferException.Kind.HTTP_STATUS, true, "503"));
            transfer.script.add(new TransferException(TransferException.Kind.NETWORK, true, "reset"));
            RunReport report = run(store, options(1, 3), new StopSignal());
            assertEquals(1, report.completed().size());
            assertEquals(3, transfer.calls.size());
            assertEquals(2, store.files(job).get(0).attempts());
        }
    }

    @Test
    void givesUpForThisRunAfterTheAttemptsWithoutProgress() {
        try (Store store = store()) {
            long job = queue(store, "ds", "a.bin");
            for (int i = 0; i < 10; i++) {
                transfer.script.add(new TransferException(TransferException.Kind.HTTP_STATUS, true, "503 Service Unavailable"));
            }
            RunReport report = run(store, options(1, 2), new StopSignal());
            assertEquals(3, transfer.calls.size(), "the first try and two retries");
            FileRecord f = store.files(job).get(0);
            assertEquals(FileState.RETRYING, f.state());
            assertEquals("503 Service Unavailable", f.lastError());
            assertTrue(report.anyRetryable());
            assertFalse(report.anyFatal());
        }
    }

    @Test
    void attemptsThatMadeProgressDoNotUseUpTheBudget() {
        try (Store store = store()) {
            queue(store, "ds", "a.bin");
            for (int i = 0; i < 6; i++) {
                transfer.script.add(1024L);
            }
            RunReport report = run(store, options(1, 2), new StopSignal());
            assertEquals(1, report.completed().size(), "six interrupted attempts that each advanced, then success");
        }
    }

    @Test
    void bytesThrownAwayAreNoProgress() {
        try (Store store = store()) {
            long job = queue(store, "ds", "a.bin");
            for (int i = 0; i < 50; i++) {
                transfer.script.add(new Discarded(4 << 20));
            }
            RunReport report = run(store, options(1, 2), new StopSignal());
            assertEquals(3, transfer.calls.size(), "the first try and two retries, however many bytes each received");
            assertEquals(FileState.RETRYING, store.files(job).get(0).state());
            assertTrue(report.anyRetryable());
        }
    }

    @Test
    void aServerThatAsksForADayIsNotWaitedForButLeftRetryableFromThen() {
        try (Store store = store()) {
            long job = queue(store, "ds", "a.bin", "b.bin");
            transfer.script.add(new TransferException(TransferException.Kind.HTTP_STATUS, true,
                    "server busy or failing (503)", Duration.ofDays(1), null));
            StopSignal stop = new StopSignal();
            // Should the engine decide to wait that long, the test stops it instead of waiting a day.
            Progress watcher = new Progress() {
                @Override
                public void status(long fileId, String message) {
                    if (message.startsWith("retry")) {
                        stop.raise(StopSignal.Reason.INTERRUPTED);
                    }
                }
            };
            long before = System.currentTimeMillis();
            RunReport report = new Engine(store, workspace, new Transfers(transfer, null), Clock.systemUTC())
                    .run(options(1, 5), watcher, stop);

            FileRecord a = store.files(job).get(0);
            assertEquals(FileState.RETRYING, a.state(), "not paused by a wait: " + a.pauseReason());
            assertTrue(a.nextAttemptAt() >= before + Duration.ofDays(1).toMillis(), "retry at " + a.nextAttemptAt());
            assertTrue(a.lastError().contains("--max-retry-wait"), a.lastError());
            assertEquals(FileState.DONE, store.files(job).get(1).state(), "the run went on with the other file");
            assertTrue(report.anyRetryable());
            assertTrue(store.claim("other", 1000, java.util.Set.of()).isEmpty(), "not claimable before its time");
        }
    }

    @Test
    void fatalFailuresAreNotRetried() {
        try (Store store = store()) {
            long job = queue(store, "ds", "a.bin");
            transfer.script.add(new TransferException(TransferException.Kind.HTTP_STATUS, false, "not found (404)"));
            RunReport report = run(store, options(1, 5), new StopSignal());
            assertEquals(1, transfer.calls.size());
            assertEquals(FileState.FAILED, store.files(job).get(0).state());
            assertTrue(report.anyFatal());
        }
    }

    @Test
    void authFailuresOfCredentialedFilesAreAuthorizedOnceMore() {
        try (Store store = store()) {
            Job job = store.addJob(new NewJob("k", "k", "k", null, "kaggle", "api", "catalog", null, JobState.ACTIVE,
                    null, null, null), "default");
            store.addFile(job.id(), new NewFile("http", "http://127.0.0.1:1/api", "downloads/k/k.zip", null, null,
                    "kaggle", null));
            transfer.script.add(new TransferException(TransferException.Kind.AUTH, false, "forbidden (403)"));
            RunReport report = run(store, options(1, 0), new StopSignal());
            assertEquals(2, transfer.calls.size());
            assertEquals(1, report.completed().size());
        }
    }

    @Test
    void interruptedFilesArePausedAndResumeWithTheNextRun() {
        try (Store store = store()) {
            long job = queue(store, "ds", "a.bin");
            transfer.script.add(StopSignal.Reason.INTERRUPTED);
            RunReport report = run(store, options(1, 1), new StopSignal());
            assertEquals(1, report.stopped());
            FileRecord paused = store.files(job).get(0);
            assertEquals(FileState.PAUSED, paused.state());
            assertEquals("interrupted", paused.pauseReason());
            assertEquals(1, run(store, options(1, 1), new StopSignal()).completed().size());
        }
    }

    @Test
    void aRaisedStopClaimsNothing() {
        try (Store store = store()) {
            queue(store, "ds", "a.bin");
            StopSignal stop = new StopSignal();
            stop.raise(StopSignal.Reason.INTERRUPTED);
            assertTrue(run(store, options(1, 1), stop).completed().isEmpty());
            assertTrue(transfer.calls.isEmpty());
        }
    }

    @Test
    void recordsOutsideTheirDatasetFolderAreRefused() {
        try (Store store = store()) {
            Job job = store.addJob(new NewJob("ds", "ds", "ds", null, "direct", "http", "url", null, JobState.ACTIVE,
                    null, null, null), "default");
            store.addFile(job.id(), new NewFile("http", "http://127.0.0.1:1/x", "downloads/ds/../../evil", null, null,
                    null, null));
            RunReport report = run(store, options(1, 1), new StopSignal());
            assertTrue(report.failures().get(0).message().startsWith("refusing file name"), report.toString());
            assertTrue(transfer.calls.isEmpty());
            assertFalse(Files.exists(workspace.getParent().resolve("evil")));
        }
    }

    @Test
    void twoEnginesOnOneWorkspaceNeverFetchAFileTwice() throws Exception {
        try (Store a = store(); Store b = store()) {
            queue(a, "ds", "1.bin", "2.bin", "3.bin", "4.bin", "5.bin", "6.bin", "7.bin", "8.bin");
            Thread other = new Thread(() -> run(b, options(2, 1), new StopSignal()));
            other.start();
            run(a, options(2, 1), new StopSignal());
            other.join();
            assertEquals(8, transfer.calls.size());
            assertEquals(8, transfer.calls.stream().distinct().count());
        }
    }

    @Test
    void aFollowingEngineTakesWorkQueuedWhileItWaitsAndShowsAsAWorkerAllAlong() {
        try (Store store = store()) {
            queue(store, "first", "a.bin");
            StopSignal stop = new StopSignal();
            List<Integer> workersBetweenRounds = new ArrayList<>();
            List<Integer> completedPerRound = new ArrayList<>();
            RunReport report = new Engine(store, workspace, new Transfers(transfer, null), Clock.systemUTC())
                    .follow(options(1, 1), Progress.NONE, stop, null, Duration.ofMillis(10), round -> {
                        completedPerRound.add(round.completed().size());
                        workersBetweenRounds.add(store.workers().size());
                        if (completedPerRound.size() == 1) {
                            queue(store, "later", "b.bin");
                        } else {
                            stop.raise(StopSignal.Reason.INTERRUPTED);
                        }
                    });
            assertEquals(List.of(1, 1), completedPerRound, "the file queued between rounds was taken in the next");
            assertEquals(2, report.completed().size());
            assertEquals(List.of(1, 1), workersBetweenRounds, "an idle follower is still a live worker");
            assertEquals(List.of(), store.workers(), "and is no longer one once it stops");
        }
    }
}
