package org.medfetch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
}
