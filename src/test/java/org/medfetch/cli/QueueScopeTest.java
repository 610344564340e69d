package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;
import org.medfetch.store.Store;

/** get, run, remove and the control commands work the datasets they are given, and only those. */
class QueueScopeTest {

    @TempDir
    Path ws;

    private final MockWebServer server = new MockWebServer();
    private final ConcurrentLinkedQueue<String> paths = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                paths.add(path);
                if (path.contains("dead")) {
                    return new MockResponse.Builder().code(404).body("gone").build();
                }
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                        .body(new okio.Buffer().write(path.getBytes(StandardCharsets.UTF_8))).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url(String name) {
        return server.url("/files/" + name).toString();
    }

    private CliRun medfetch(String... args) {
        return CliRun.in(ws, args);
    }

    private Store store() {
        return Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC());
    }

    private FileState state(String dataset) {
        try (Store store = store()) {
            Job job = store.jobByDataset(dataset).orElseThrow();
            return store.files(job.id()).get(0).state();
        }
    }

    @Test
    void getWorksOnlyItsTargetsAndItsExitCodeIgnoresTheRest() {
        assertEquals(0, medfetch("add", url("dead.bin"), "-p", "old").exitCode());
        assertEquals(0, medfetch("add", url("other.bin"), "-p", "old").exitCode());
        CliRun get = medfetch("get", url("wanted.bin"), "--no-progress");
        assertEquals(0, get.exitCode(), get.err());
        assertTrue(get.out().contains("downloads/wanted/wanted.bin"), get.out());
        assertEquals(Set.of("/files/wanted.bin"), Set.copyOf(paths), "only the target was fetched");
        assertEquals(FileState.QUEUED, state("dead"));
        assertEquals(FileState.QUEUED, state("other"));
    }

    @Test
    void runTakesDatasetsOrAProjectAndReportsOnThemOnly() {
        medfetch("add", url("dead.bin"), "-p", "old");
        medfetch("add", url("a.bin"), "-p", "thesis");
        medfetch("add", url("b.bin"), "-p", "thesis");
        medfetch("add", url("c.bin"), "-p", "other");
        CliRun project = medfetch("run", "--project", "thesis", "--no-progress");
        assertEquals(0, project.exitCode(), project.err());
        assertEquals(Set.of("/files/a.bin", "/files/b.bin"), Set.copyOf(paths));
        CliRun one = medfetch("run", "c", "--no-progress");
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(FileState.QUEUED, state("dead"), "the dead link was not tried");
        CliRun all = medfetch("run", "--no-progress");
        assertEquals(4, all.exitCode(), "the whole queue: the dead link fails for good");
        assertEquals(2, medfetch("run", "nope").exitCode());
        assertEquals(2, medfetch("run", "--project", "nobody").exitCode());
    }

    @Test
    void controlCommandsTakeSeveralDatasetsAProjectOrAll() {
        medfetch("add", url("a.bin"), "-p", "thesis");
        medfetch("add", url("b.bin"), "-p", "thesis");
        medfetch("add", url("c.bin"), "-p", "other");
        CliRun two = medfetch("pause", "a", "b");
        assertEquals(0, two.exitCode(), two.err());
        assertEquals(List.of("a: 1 file(s) paused", "b: 1 file(s) paused"), two.lines());
        assertEquals(FileState.QUEUED, state("c"));
        assertEquals(0, medfetch("resume", "--project", "thesis").exitCode());
        assertEquals(FileState.QUEUED, state("a"));
        assertEquals(0, medfetch("cancel", "--all").exitCode());
        assertEquals(FileState.CANCELLED, state("c"));
        assertEquals(0, medfetch("retry", "--all").exitCode());
        assertEquals(FileState.QUEUED, state("b"));
        CliRun typo = medfetch("pause", "a", "zzz");
        assertEquals(2, typo.exitCode());
        assertEquals(FileState.QUEUED, state("a"), "a typo in one name changes nothing");
        assertEquals(2, medfetch("pause").exitCode(), "pause needs something named");
        assertEquals(2, medfetch("pause", "a", "--all").exitCode());
    }

    @Test
    void removeDropsDatasetsUnlinksFromAProjectAndPurgesOnlyWhenAsked() throws Exception {
        medfetch("get", url("a.bin"), "-p", "thesis", "--no-progress");
        medfetch("add", url("a.bin"), "-p", "other");
        medfetch("get", url("b.bin"), "--no-progress");
        CliRun unlink = medfetch("remove", "a", "-p", "thesis", "--purge");
        assertEquals(0, unlink.exitCode(), unlink.err());
        assertTrue(unlink.out().contains("a: removed from project thesis; still in other (data kept"), unlink.out());
        assertTrue(Files.exists(ws.resolve("downloads/a/a.bin")));
        CliRun last = medfetch("remove", "a", "-p", "other");
        assertTrue(last.out().contains("removed from the queue; its files stay in downloads/a/"), last.out());
        assertTrue(Files.exists(ws.resolve("downloads/a/a.bin")));
        CliRun purge = medfetch("remove", "b", "--purge");
        assertEquals(0, purge.exitCode(), purge.err());
        assertFalse(Files.exists(ws.resolve("downloads/b")));
        try (Store store = store()) {
            assertTrue(store.jobs(null).isEmpty());
        }
        assertEquals(2, medfetch("remove", "b").exitCode());
    }

    @Test
    void removeRefusesADatasetAnotherProcessIsDownloading() {
        medfetch("add", url("a.bin"));
        try (Store store = store()) {
            // a live process on another host holds the file under a lease it keeps renewing
            FileRecord claimed = store.claim("other-host/1/0/x", 60_000, Set.of()).orElseThrow();
            assertEquals("downloads/a/a.bin", claimed.path());
        }
        CliRun remove = medfetch("remove", "a");
        assertEquals(2, remove.exitCode());
        assertTrue(remove.err().contains("is being downloaded by another medfetch process"), remove.err());
        try (Store store = store()) {
            assertTrue(store.jobByDataset("a").isPresent());
        }
    }
}
