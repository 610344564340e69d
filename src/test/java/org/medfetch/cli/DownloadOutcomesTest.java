package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.Main;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Store;
import org.medfetch.store.StoreException;

/** How get, run, status and retry end and what they say, through the real wiring, against a loopback server. */
class DownloadOutcomesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BODY = "scan volume".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path ws;

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String retryAfter;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                if (retryAfter != null) {
                    return new MockResponse.Builder().code(503).setHeader("Retry-After", retryAfter).body("busy").build();
                }
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                        .body(new okio.Buffer().write(BODY)).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url() {
        return server.url("/files/scan.bin").toString();
    }

    private CliRun medfetch(String... args) {
        return CliRun.in(ws, args);
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitLeavesTheFileRetryableWithItsTime() throws Exception {
        retryAfter = "86400";
        Instant before = Instant.now();

        CliRun get = medfetch("get", url(), "--no-progress", "--max-retry-wait", "600");

        assertEquals(3, get.exitCode(), get.err());
        assertTrue(get.err().contains("will retry: server busy or failing (503)"), get.err());
        assertTrue(get.err().contains("not retried before"), get.err());
        CliRun status = medfetch("status");
        assertTrue(status.out().contains("retrying"), status.out());
        assertTrue(status.out().contains("not retried before"), status.out());
        JsonNode job = JSON.readTree(medfetch("status", "--json").lines().get(0));
        Instant at = Instant.parse(job.get("retry_at").asText());
        assertTrue(!at.isBefore(before.plusSeconds(86_400)), at.toString());
        assertEquals(at, Instant.parse(job.get("files").get(0).get("retry_at").asText()));

        int asked = requests.get();
        assertEquals(3, medfetch("run", "--no-progress").exitCode(), "still waiting for its time");
        assertEquals(asked, requests.get(), "nothing asked before the time");

        retryAfter = null;
        assertEquals(0, medfetch("retry", "scan").exitCode());
        JsonNode cleared = JSON.readTree(medfetch("status", "--json").lines().get(0));
        assertTrue(cleared.get("retry_at").isNull(), cleared.toString());
        CliRun run = medfetch("run", "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(medfetch("status").out().contains("not retried before"));
    }

    @Test
    void aFullDiskUnderTheStateDatabaseIsOneLineAndRetryableForAnyCommand() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        MedfetchCommand root = new MedfetchCommand(settings -> {
            throw new StoreException("disk full: the state database cannot be written ([SQLITE_FULL] database or disk "
                    + "is full)", null, true);
        }, Map.of(), Path.of("no-home"));

        int code = Cli.create(root, new PrintWriter(out, true), new PrintWriter(err, true)).execute("add", url());

        assertEquals(3, code, err.toString());
        assertEquals("medfetch: disk full: the state database cannot be written ([SQLITE_FULL] database or disk is "
                + "full); free space and try again", err.toString().strip());
    }

    /** A get running on its own thread, whose output the test can read while it runs. */
    private final class Background {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger code = new AtomicInteger(-1);
        final Thread thread;

        Background(String... args) {
            String[] all = new String[args.length + 2];
            all[0] = "--workspace";
            all[1] = ws.toString();
            System.arraycopy(args, 0, all, 2, args.length);
            thread = new Thread(() -> code.set(new Main(Map.of(), Path.of("no-home")).run(all,
                    new PrintWriter(out, true), new PrintWriter(err, true))));
            thread.start();
        }

        /** Waits until the command printed {@code text} to stderr; false if it ended without printing it. */
        boolean said(String text) throws InterruptedException {
            while (!err.toString().contains(text)) {
                if (!thread.isAlive()) {
                    return err.toString().contains(text);
                }
                Thread.sleep(20);
            }
            return true;
        }

        int exitCode() throws InterruptedException {
            thread.join();
            return code.get();
        }
    }

    /** Queues the URL and lets "another process" (a lease owner on another host) claim its file. */
    private FileRecord claimedByAnotherProcess() {
        assertEquals(0, medfetch("add", url()).exitCode());
        try (Store store = Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
            return store.claim("another-host/4242/1/other", 600_000, Set.of()).orElseThrow();
        }
    }

    @Test
    void aSecondGetWaitsForTheProcessDownloadingTheFileAndReportsItOnlyOnceItExists() throws Exception {
        FileRecord file = claimedByAnotherProcess();

        CliRun noWait = medfetch("get", url(), "--no-progress", "--no-wait");
        assertEquals(3, noWait.exitCode(), noWait.err());
        assertTrue(noWait.err().contains("downloads/scan/scan.bin is being downloaded by another medfetch process; "
                + "not waiting for it (--no-wait)"), noWait.err());
        assertFalse(noWait.out().contains("downloads/scan/scan.bin"), noWait.out());

        Background get = new Background("get", url(), "--no-progress");
        assertTrue(get.said("waiting for it to finish"), "exited " + get.code.get() + " without waiting: " + get.err);
        // the other process finishes the file
        Path target = ws.resolve("downloads/scan/scan.bin");
        Files.createDirectories(target.getParent());
        Files.write(target, BODY);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY));
        try (Store store = Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
            store.finish(file.id(), sha, BODY.length);
        }

        assertEquals(0, get.exitCode(), get.err.toString());
        assertEquals(sha + "  downloads/scan/scan.bin", get.out.toString().strip());
        assertEquals(0, requests.get(), "the file was fetched once, by the other process");
    }

    @Test
    void aSyncWaitsForAFileAnotherProcessIsDownloadingAndTakesItOverWhenLeft() throws Exception {
        Path elsewhere = ws.resolveSibling(ws.getFileName() + "-source");
        assertEquals(0, CliRun.in(elsewhere, "get", url(), "--no-progress").exitCode());
        assertEquals(0, CliRun.in(elsewhere, "manifest").exitCode());
        FileRecord file = claimedByAnotherProcess();
        int before = requests.get();

        Background sync = new Background("sync", elsewhere.resolve("manifests/default.json").toString(), "--no-progress");
        assertTrue(sync.said("downloads/scan/scan.bin is being downloaded by another medfetch process; waiting for it "
                + "to finish"), "exited " + sync.code.get() + " without waiting: " + sync.err);
        assertFalse(sync.err.toString().contains("--no-wait"), "sync has no --no-wait: " + sync.err);
        try (Store store = Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
            store.release(file.id(), FileState.PAUSED, "interrupted"); // the other process was stopped with Ctrl-C
        }

        assertEquals(0, sync.exitCode(), sync.err.toString());
        assertArrayEquals(BODY, Files.readAllBytes(ws.resolve("downloads/scan/scan.bin")));
        assertEquals(before + 1, requests.get(), "fetched once more, by the sync that took it over");
    }

    @Test
    void aWaitingGetTakesOverAFileTheOtherProcessLeaves() throws Exception {
        FileRecord file = claimedByAnotherProcess();
        Background get = new Background("get", url(), "--no-progress");
        assertTrue(get.said("waiting for it to finish"), "exited " + get.code.get() + " without waiting: " + get.err);
        try (Store store = Store.open(ws.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
            store.release(file.id(), FileState.PAUSED, "interrupted"); // the other process was stopped with Ctrl-C
        }

        assertEquals(0, get.exitCode(), get.err.toString());
        assertTrue(get.out.toString().endsWith("  downloads/scan/scan.bin" + System.lineSeparator()), get.out.toString());
        assertArrayEquals(BODY, Files.readAllBytes(ws.resolve("downloads/scan/scan.bin")));
    }
}
