package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.engine.Engine;
import org.medfetch.engine.Progress;
import org.medfetch.engine.RetryPolicy;
import org.medfetch.engine.RunOptions;
import org.medfetch.engine.RunReport;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferOptions;
import org.medfetch.engine.Transfers;
import org.medfetch.resolve.Authorizer;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.FullDisk;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.Store;

/**
 * The disk under the state database fills up mid-download: the run ends with a clear, retryable error (as
 * a full disk under the data does), the bytes and their recorded progress are kept, and a run after space
 * is freed finishes the file from where it was.
 */
class DiskFullTest {

    private static final int SIZE = 1 << 20;

    @TempDir
    Path workspace;

    private final byte[] content = Fixture.random(SIZE, 11);
    private final FileServer files = new FileServer(content);
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(files);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path db() {
        return workspace.resolve("downloads/.medfetch/state.db");
    }

    private RunReport run(Store store, Clock clock) {
        TransferOptions transfer = TransferOptions.defaults().withConnections(1).withTimeout(Duration.ofSeconds(10))
                .withSegments(64 * 1024, 32 * 1024);
        RetryPolicy instant = new RetryPolicy(2, Duration.ZERO, Duration.ZERO, RandomGenerator.getDefault());
        HttpTransfer http = new HttpTransfer(HttpTransfer.client(Duration.ofSeconds(10), 4, ProxyFromEnvironment.none()),
                Authorizer.NONE);
        return new Engine(store, workspace, new Transfers(http, null), clock)
                .run(new RunOptions(1, transfer, instant), Progress.NONE, new StopSignal());
    }

    @Test
    void aFullDiskUnderTheStateDatabaseIsARetryableErrorThatKeepsTheData() throws Exception {
        try (Store store = Store.open(db(), Clock.systemUTC())) {
            for (String name : new String[] {"a.bin", "b.bin"}) {
                String url = server.url("/files/" + name).toString();
                Job job = store.addJob(new NewJob(name, name, url, url, "direct", "http", "url", url, JobState.ACTIVE,
                        null, null, null), "default");
                store.addFile(job.id(), new NewFile("http", url, "downloads/" + name + "/" + name, null, null, null,
                        null));
            }
        }
        RunReport full;
        try (Store store = FullDisk.open(db(), Clock.systemUTC(), 12)) {
            full = run(store, Clock.systemUTC());
        }
        assertEquals(1, full.failures().size(), full.toString());
        RunReport.Failure failure = full.failures().get(0);
        assertTrue(failure.retryable());
        assertTrue(failure.message().startsWith("disk full: the state database cannot be written"), failure.message());
        assertFalse(failure.message().contains("internal error"), failure.message());
        assertNotNull(full.halted(), "no file is taken while nothing can be recorded");
        assertTrue(full.anyRetryable());
        int asked = files.rangesAsked().size();

        FullDisk.free(db());
        // The first run's claim could not be released on the full disk; a minute later its lease has expired.
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
        try (Store store = Store.open(db(), later)) {
            long recorded = store.bytesDone(store.fileByPath("downloads/a.bin/a.bin").orElseThrow().id());
            assertTrue(recorded > 0 && recorded < SIZE, "recorded " + recorded);
            RunReport after = run(store, later);
            assertEquals(2, after.completed().size(), after.toString());
            FileRecord a = store.fileByPath("downloads/a.bin/a.bin").orElseThrow();
            assertEquals(FileState.DONE, a.state());
            assertEquals(Fixture.sha256(content), a.sha256());
            String resumed = files.rangesAsked().get(asked);
            assertTrue(resumed.startsWith("bytes=") && !resumed.startsWith("bytes=0-"), "resumed with " + resumed);
        }
    }
}
