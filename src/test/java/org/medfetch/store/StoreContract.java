package org.medfetch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * What every store does, whatever holds the queue: each implementation's test extends this and says how
 * to open a fresh store, how time passes for its leases, and how it plans a query.
 */
public abstract class StoreContract {

    protected final TestClock clock = new TestClock();

    /** A store on the same (initially empty) queue each time it is called within one test. */
    protected abstract Store open();

    /** Lets {@code d} pass for the store's leases and retry times. */
    protected abstract void advance(Duration d) throws Exception;

    /** The store's clock now, in epoch milliseconds (what leases and retry times are measured on). */
    protected abstract long now() throws Exception;

    /** The steps of the store's plan for {@code query} that read a whole table instead of an index. */
    protected abstract List<String> scans(String query) throws Exception;

    public static NewJob job(String id) {
        return new NewJob(id, id.toUpperCase(), id, "https://example.org/" + id, "direct", "http", "url",
                "https://example.org/" + id, JobState.ACTIVE, null, null, null);
    }

    public static NewFile file(String dataset, String name) {
        return new NewFile("http", "https://example.org/" + name, "downloads/" + dataset + "/" + name, 100L, null, null, null);
    }

    @Test
    void storesOpeningANewQueueAtOnceCreateItOnce() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Integer> versions = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 6; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    try (Store store = open()) {
                        versions.add(store.schemaVersion());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(Collections.nCopies(6, versions.get(0)), versions);
        try (Store store = open()) {
            assertEquals(versions.get(0), store.schemaVersion());
        }
    }

    @Test
    void addingADatasetTwiceKeepsOneJobWithBothProjects() {
        try (Store store = open()) {
            Job first = store.addJob(job("kits"), "default");
            Job second = store.addJob(job("kits"), "thesis");
            assertEquals(first.id(), second.id());
            assertEquals(List.of("default", "thesis"), second.projects());
            assertEquals(1, store.jobs("thesis").size());
            assertEquals(1, store.jobs(null).size());
            assertEquals(List.of("default", "thesis"), store.projects());
            FileRecord a = store.addFile(first.id(), file("kits", "a.zip"));
            FileRecord again = store.addFile(first.id(), file("kits", "a.zip"));
            assertEquals(a.id(), again.id());
            Job other = store.addJob(job("other"), "default");
            assertThrows(StoreException.class, () -> store.addFile(other.id(), file("kits", "a.zip")));
            assertEquals(List.of(a), store.files(first.id()), "a failed add leaves nothing behind");
        }
    }

    @Test
    void recordsReadBackAsTheyWereWritten() {
        try (Store store = open()) {
            Job job = store.addJob(new NewJob("d", "D é", "d", "https://x/d", "zenodo", "api", "catalog", "https://x/d",
                    JobState.ACTIVE, "{\"summary\":\"s\"}", "{\"files\":[\"*.zip\"]}", "{\"doi\":\"10.1/x\"}"), "p");
            assertEquals("D é", job.name());
            assertEquals(clock.instant(), job.createdAt());
            FileRecord t = store.addFile(job.id(), new NewFile("torrent", "magnet:?xt=urn:btih:ab", "downloads/d/t", null,
                    null, null, null));
            FileRecord inner = store.addFile(job.id(), new NewFile("torrent-file", "magnet:?xt=urn:btih:ab",
                    "downloads/d/t/inner.bin", 5_000_000_000L, "md5:00", "KAGGLE", t.id(), true));
            store.saveTorrent(t.id(), "ab".repeat(20), 5_000_000_000L, 2000);
            store.saveValidators(inner.id(), "https://cdn/x", 5_000_000_001L, "\"e\"", "Mon, 01 Jan 2024 00:00:00 GMT");
            FileRecord back = store.file(inner.id()).orElseThrow();
            assertEquals(t.id(), back.parentId());
            assertTrue(back.serverNamed());
            assertEquals(5_000_000_001L, back.size());
            assertEquals(5_000_000_000L, back.expectedSize());
            assertEquals("\"e\"", back.etag());
            assertEquals(List.of(t.id(), inner.id()), store.files(job.id()).stream().map(FileRecord::id).toList());
            assertEquals(List.of(back), store.children(t.id()));
            assertEquals(t.id(), store.torrentByInfoHash("ab".repeat(20)).orElseThrow().id());
            assertTrue(store.setPath(inner.id(), "downloads/d/t/renamed.bin"));
            assertFalse(store.setPath(inner.id(), "downloads/d/t"), "a path taken is refused");
            store.saveSegments(inner.id(), List.of(new Segment(0, 0, 3_000_000_000L, 10), new Segment(1, 3_000_000_000L,
                    -1, 0)));
            assertEquals(List.of(new Segment(0, 0, 3_000_000_000L, 10), new Segment(1, 3_000_000_000L, -1, 0)),
                    store.segments(inner.id()));
            store.saveLinkKind("https://x/page", "page");
            store.saveLinkKind("https://x/page", "file");
            assertEquals(Optional.of("file"), store.linkKind("https://x/page"));
            store.extractions().setSettings(job.id(), "{\"hash\":true}");
            assertEquals(Optional.of("{\"hash\":true}"), store.extractions().settings(job.id()));
            Extraction e = new Extraction("downloads/d/t", 3, 42, true, false, "skipped a link", Instant.parse(
                    "2026-01-02T03:04:05Z"), List.of(new Extraction.File("downloads/d/t/a", 42, "cd".repeat(32))));
            store.extractions().save(t.id(), e);
            store.extractions().archiveRemoved(t.id());
            assertTrue(store.extractions().removedAfterExtraction(t.id()));
            store.deleteJob(job.id());
            assertTrue(store.file(inner.id()).isEmpty(), "a job's files go with it");
            assertTrue(store.extractions().of(t.id()).isEmpty());
        }
    }

    @Test
    void claimIsExclusiveAndLeasesExpire() throws Exception {
        try (Store a = open(); Store b = open()) {
            Job job = a.addJob(job("d"), "default");
            FileRecord f = a.addFile(job.id(), file("d", "x.bin"));
            Optional<FileRecord> claimed = a.claim("process-a", 30_000, Set.of());
            assertEquals(f.id(), claimed.orElseThrow().id());
            assertEquals(FileState.RUNNING, claimed.get().state());
            assertTrue(b.claim("process-b", 30_000, Set.of()).isEmpty(), "a live lease is respected");
            assertTrue(b.leased(f.id()));
            assertEquals(List.of(f.id()), b.leasedFiles().stream().map(FileRecord::id).toList());
            advance(Duration.ofSeconds(20));
            a.renewLeases("process-a", 30_000);
            advance(Duration.ofSeconds(20));
            assertTrue(b.claim("process-b", 30_000, Set.of()).isEmpty(), "a renewed lease lasts");
            advance(Duration.ofSeconds(31));
            assertFalse(b.leased(f.id()));
            assertEquals(List.of(), b.leasedFiles());
            FileRecord taken = b.claim("process-b", 30_000, Set.of()).orElseThrow();
            assertEquals("process-b", taken.leaseOwner(), "a dead process's claim expires");
        }
    }

    @Test
    void aClaimOfADeadOwnerIsTakenAtOnce() {
        try (Store store = open()) {
            Job job = store.addJob(job("d"), "default");
            FileRecord f = store.addFile(job.id(), file("d", "x.bin"));
            store.claim("killed", 30_000, Set.of());
            assertTrue(store.claim("me", 30_000, Set.of(), owner -> false).isEmpty());
            assertEquals(f.id(), store.claim("me", 30_000, Set.of(), owner -> owner.equals("killed")).orElseThrow().id());
        }
    }

    @Test
    void concurrentClaimersNeverShareAFile() throws Exception {
        try (Store setup = open()) {
            Job job = setup.addJob(job("many"), "default");
            for (int i = 0; i < 40; i++) {
                setup.addFile(job.id(), file("many", "f" + i));
            }
        }
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String owner = "owner-" + t;
            Thread thread = new Thread(() -> {
                try (Store store = open()) {
                    start.await();
                    Optional<FileRecord> next;
                    while ((next = store.claim(owner, 30_000, Set.of())).isPresent()) {
                        claimed.add(next.get().id());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(40, claimed.size());
        assertEquals(40, new HashSet<>(claimed).size());
    }

    @Test
    void progressIsRecordedAndReportsPauseFromElsewhere() {
        try (Store a = open(); Store other = open()) {
            Job job = a.addJob(job("d"), "default");
            FileRecord f = a.addFile(job.id(), file("d", "x.bin"));
            a.claim("me", 30_000, Set.of());
            a.saveSegments(f.id(), List.of(new Segment(0, 0, 50, 0), new Segment(1, 50, 100, 0)));
            assertEquals(FileState.RUNNING, a.saveProgress(f.id(), Map.of(0, 20L, 1, 5L), "me", 30_000, 1000L));
            assertEquals(25, a.bytesDone(f.id()));
            assertEquals(1000L, other.file(f.id()).orElseThrow().rate());
            other.setState(f.id(), FileState.PAUSED, "user");
            assertEquals(FileState.PAUSED, a.saveProgress(f.id(), Map.of(0, 30L), "me", 30_000, null));
            a.resetProgress(f.id());
            assertTrue(a.segments(f.id()).isEmpty());
            assertEquals(0, a.bytesDone(f.id()));
            assertNull(a.file(f.id()).orElseThrow().etag());
        }
    }

    @Test
    void failedRetryingAndPausedFilesFollowTheirRules() throws Exception {
        try (Store store = open()) {
            Job job = store.addJob(job("d"), "default");
            FileRecord f = store.addFile(job.id(), file("d", "x.bin"));
            store.claim("me", 30_000, Set.of());
            store.fail(f.id(), FileState.RETRYING, "HTTP_STATUS", "503", now() + 60_000);
            assertTrue(store.claim("me", 30_000, Set.of()).isEmpty(), "not before its time");
            advance(Duration.ofSeconds(61));
            assertTrue(store.claim("me", 30_000, Set.of(f.id())).isEmpty(), "skipped ids are skipped");
            assertEquals(f.id(), store.claim("me", 30_000, Set.of()).orElseThrow().id());
            store.release(f.id(), FileState.PAUSED, "user");
            assertTrue(store.claim("me", 30_000, Set.of()).isEmpty(), "a user's pause holds");
            store.release(f.id(), FileState.PAUSED, "interrupted");
            assertEquals(f.id(), store.claim("me", 30_000, Set.of()).orElseThrow().id(), "an interruption resumes");
            store.countAttempt(f.id());
            store.fail(f.id(), FileState.FAILED, "HTTP_STATUS", "404", 0);
            assertEquals("404", store.file(f.id()).orElseThrow().lastError());
            assertTrue(store.claim("me", 30_000, Set.of()).isEmpty());
            store.requeue(f.id());
            FileRecord back = store.claim("me", 30_000, Set.of()).orElseThrow();
            assertEquals(0, back.attempts());
            assertNull(back.lastError());
            store.finish(f.id(), "ab".repeat(32), 100);
            assertEquals(FileState.DONE, store.file(f.id()).orElseThrow().state());
            assertFalse(store.leased(f.id()));
        }
    }

    @Test
    void manualAndCancelledJobsAreNotClaimed() {
        try (Store store = open()) {
            Job job = store.addJob(job("d"), "default");
            store.addFile(job.id(), file("d", "x.bin"));
            store.setJobState(job.id(), JobState.CANCELLED);
            assertTrue(store.claim("me", 30_000, Set.of()).isEmpty());
            store.setJobState(job.id(), JobState.ACTIVE);
            assertTrue(store.claim("me", 30_000, Set.of()).isPresent());
        }
    }

    @Test
    void workersShowWhileTheirLeaseLivesWithWhatTheyHold() throws Exception {
        try (Store store = open()) {
            Job job = store.addJob(job("d"), "default");
            FileRecord x = store.addFile(job.id(), file("d", "x.bin"));
            store.addFile(job.id(), file("d", "y.bin"));
            Worker a = new Worker("host-a/10/1000/u", "host-a", 10, Instant.ofEpochMilli(1000));
            Worker b = new Worker("host-b/20/2000/v", "host-b", 20, Instant.ofEpochMilli(2000));
            store.startWorker(a, 30_000);
            store.startWorker(b, 30_000);
            store.claim(a.id(), 30_000, Set.of());
            store.saveSegments(x.id(), List.of(new Segment(0, 0, 100, 0)));
            store.saveProgress(x.id(), Map.of(0, 50L), a.id(), 30_000, 4096L);
            store.claim(b.id(), 30_000, Set.of());
            assertEquals(List.of(new WorkerStatus(a, 1, 0, 4096), new WorkerStatus(b, 1, 0, 0)), store.workers());
            store.finish(x.id(), "ab".repeat(32), 100);
            assertEquals(new WorkerStatus(a, 0, 1, 0), store.workers().get(0), "a finished file counts for its worker");
            advance(Duration.ofSeconds(20));
            store.renewLeases(b.id(), 30_000);
            advance(Duration.ofSeconds(20));
            assertEquals(List.of(b), store.workers().stream().map(WorkerStatus::worker).toList(),
                    "a worker that stopped renewing is no longer live");
            store.stopWorker(b.id());
            assertEquals(List.of(), store.workers());
        }
    }

    @Test
    void aQueueIsNeverCopiedIntoAStoreThatHoldsOne() {
        try (Store from = open(); Store to = open()) {
            from.addJob(job("d"), "p");
            StoreException e = assertThrows(StoreException.class, () -> from.copyTo(to));
            assertTrue(e.getMessage().contains("already holds a queue"), e.getMessage());
        }
    }

    // ---- what status reads must not grow with the queue ---------------------------------------------

    private static void queue(Store store, int from, int to) {
        for (int i = from; i < to; i++) {
            String id = "d" + i;
            Job job = store.addJob(job(id), i % 2 == 0 ? "even" : "odd");
            FileRecord f = store.addFile(job.id(), file(id, "f.bin"));
            store.saveSegments(f.id(), List.of(new Segment(0, 0, 100, i % 100)));
        }
    }

    private static long statements(Store store, Runnable operation) {
        long before = StoreProbe.statements(store);
        operation.run();
        return StoreProbe.statements(store) - before;
    }

    @Test
    void jobsWithFilesTakesAFixedNumberOfQueries() {
        try (Store store = open()) {
            queue(store, 0, 10);
            long small = statements(store, () -> store.jobsWithFiles(null));
            long smallProject = statements(store, () -> store.jobsWithFiles("even"));
            queue(store, 10, 300);
            long large = statements(store, () -> store.jobsWithFiles(null));
            long largeProject = statements(store, () -> store.jobsWithFiles("even"));
            assertEquals(small, large);
            assertEquals(smallProject, largeProject);
            assertTrue(large <= 4, large + " statements");
            assertEquals(2, statements(store, () -> store.jobs(null)), "jobs() too: two queries");
            assertEquals(1, statements(store, store::leasedFiles), "what others hold: one query");
        }
    }

    @Test
    void jobsWithFilesReadsWhatTheSingleQueriesRead() {
        try (Store store = open()) {
            queue(store, 0, 20);
            store.addJob(job("d3"), "third");
            List<JobFiles> even = store.jobsWithFiles("even");
            assertEquals(10, even.size());
            for (JobFiles j : store.jobsWithFiles(null)) {
                assertEquals(store.job(j.job().id()).orElseThrow(), j.job());
                assertEquals(store.files(j.job().id()), j.files());
                for (FileRecord f : j.files()) {
                    assertEquals(store.bytesDone(f.id()), j.bytesDone(f.id()));
                }
            }
            assertEquals(List.of("odd", "third"), store.jobByDataset("d3").orElseThrow().projects());
        }
    }

    @Test
    void noQueryOfStatusOrOfAClaimScansATable() throws Exception {
        try (Store store = open()) {
            queue(store, 0, 3);
        }
        List<String> queries = List.of(
                "SELECT project FROM job_projects WHERE job_id = 1 ORDER BY project",
                "SELECT job_id, project FROM job_projects WHERE job_id IN (SELECT job_id FROM job_projects "
                        + "WHERE project = 'even') ORDER BY project",
                "SELECT * FROM jobs WHERE id IN (SELECT job_id FROM job_projects WHERE project = 'even') ORDER BY id",
                "SELECT * FROM files WHERE job_id IN (SELECT job_id FROM job_projects WHERE project = 'even')",
                "SELECT s.file_id, SUM(s.done) FROM segments s JOIN files f ON f.id = s.file_id "
                        + "WHERE f.job_id IN (SELECT job_id FROM job_projects WHERE project = 'even') GROUP BY s.file_id",
                "SELECT DISTINCT lease_owner FROM files WHERE lease_owner IS NOT NULL "
                        + "AND state IN ('running', 'verifying') AND lease_until >= 5",
                "SELECT f.id FROM files f WHERE f.parent_id IS NULL AND f.state IN ('paused', 'queued', 'retrying', "
                        + "'running', 'verifying') AND f.kind IN ('http', 'torrent') ORDER BY f.id LIMIT 1");
        for (String query : queries) {
            assertEquals(List.of(), scans(query), query);
        }
    }
}
