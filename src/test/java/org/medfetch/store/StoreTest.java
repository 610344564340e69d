package org.medfetch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private Store open() {
        return Store.open(dir.resolve("downloads/.medfetch/state.db"), clock);
    }

    static NewJob job(String id) {
        return new NewJob(id, id.toUpperCase(), id, "https://example.org/" + id, "direct", "http", "url",
                "https://example.org/" + id, JobState.ACTIVE, null, null, null);
    }

    static NewFile file(String dataset, String name) {
        return new NewFile("http", "https://example.org/" + name, "downloads/" + dataset + "/" + name, 100L, null, null, null);
    }

    @Test
    void migratesAnEmptyWorkspace() throws Exception {
        try (Store store = open()) {
            assertEquals(Migrations.latest(), store.schemaVersion());
        }
        assertTrue(Files.exists(dir.resolve("downloads/.medfetch/state.db")));
        try (Store again = open()) {
            assertEquals(Migrations.latest(), again.schemaVersion());
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("downloads/.medfetch/state.db"));
             var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void processesOpeningANewWorkspaceAtOnceCreateItOnce() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 6; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    try (Store store = open()) {
                        assertEquals(Migrations.latest(), store.schemaVersion());
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
    }

    @Test
    void refusesADatabaseFromANewerMedfetch() throws Exception {
        Path db = dir.resolve("downloads/.medfetch/state.db");
        Files.createDirectories(db.getParent());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("PRAGMA user_version = 99");
        }
        StoreException e = assertThrows(StoreException.class, this::open);
        assertTrue(e.getMessage().contains("newer than this medfetch understands"), e.getMessage());
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
        }
    }

    @Test
    void claimIsExclusiveAndLeasesExpire() {
        try (Store a = open(); Store b = open()) {
            Job job = a.addJob(job("d"), "default");
            FileRecord f = a.addFile(job.id(), file("d", "x.bin"));
            Optional<FileRecord> claimed = a.claim("process-a", 30_000, Set.of());
            assertEquals(f.id(), claimed.orElseThrow().id());
            assertEquals(FileState.RUNNING, claimed.get().state());
            assertTrue(b.claim("process-b", 30_000, Set.of()).isEmpty(), "a live lease is respected");
            clock.advance(Duration.ofSeconds(31));
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
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
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
            other.setState(f.id(), FileState.PAUSED, "user");
            assertEquals(FileState.PAUSED, a.saveProgress(f.id(), Map.of(0, 30L), "me", 30_000, null));
            a.resetProgress(f.id());
            assertTrue(a.segments(f.id()).isEmpty());
            assertNull(a.file(f.id()).orElseThrow().etag());
        }
    }

    @Test
    void failedRetryingAndPausedFilesFollowTheirRules() {
        try (Store store = open()) {
            Job job = store.addJob(job("d"), "default");
            FileRecord f = store.addFile(job.id(), file("d", "x.bin"));
            store.claim("me", 30_000, Set.of());
            store.fail(f.id(), FileState.RETRYING, "HTTP_STATUS", "503", clock.millis() + 60_000);
            assertTrue(store.claim("me", 30_000, Set.of()).isEmpty(), "not before its time");
            clock.advance(Duration.ofSeconds(61));
            assertTrue(store.claim("me", 30_000, Set.of(f.id())).isEmpty(), "skipped ids are skipped");
            assertEquals(f.id(), store.claim("me", 30_000, Set.of()).orElseThrow().id());
            store.release(f.id(), FileState.PAUSED, "user");
            assertTrue(store.claim("me", 30_000, Set.of()).isEmpty(), "a user's pause holds");
            store.release(f.id(), FileState.PAUSED, "interrupted");
            assertEquals(f.id(), store.claim("me", 30_000, Set.of()).orElseThrow().id(), "an interruption resumes");
            store.fail(f.id(), FileState.FAILED, "HTTP_STATUS", "404", 0);
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
        }
    }
}
