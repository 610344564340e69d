package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
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
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;
import org.medfetch.store.Store;

/**
 * The whole engine (retries included) against servers that misbehave at the byte level: bodies always cut
 * short, a stall after a few bytes, a negative Content-Length. Each must end in a clear state after a
 * bounded number of requests; the fault server answers 404 once its budget is spent, so an engine that
 * would loop forever ends failed (and the test says so) instead of hanging.
 */
class HostileServerTest {

    private static final int SIZE = 400_000;
    private static final int RETRIES = 3;
    private static final int BUDGET = 40;

    @TempDir
    Path workspace;

    private final byte[] content = Fixture.random(SIZE, 7);

    private FileRecord run(FaultServer server, RunReport[] report) {
        try (Store store = Store.open(workspace.resolve("downloads/.medfetch/state.db"), Clock.systemUTC())) {
            URI url = server.url("/data.bin");
            Job job = store.addJob(new NewJob("ds", "ds", url.toString(), url.toString(), "direct", "http", "url",
                    url.toString(), JobState.ACTIVE, null, null, null), "default");
            FileRecord file = store.addFile(job.id(), new NewFile("http", url.toString(), "downloads/ds/data.bin", null,
                    null, null, null));
            TransferOptions transfer = TransferOptions.defaults().withConnections(4).withTimeout(Duration.ofSeconds(1))
                    .withSegments(64 * 1024, 32 * 1024);
            RetryPolicy instant = new RetryPolicy(RETRIES, Duration.ZERO, Duration.ZERO, RandomGenerator.getDefault());
            HttpTransfer http = new HttpTransfer(HttpTransfer.client(Duration.ofSeconds(1), 4, ProxyFromEnvironment.none()),
                    Authorizer.NONE);
            report[0] = new Engine(store, workspace, new Transfers(http, null), Clock.systemUTC())
                    .run(new RunOptions(1, transfer, instant), Progress.NONE, new StopSignal());
            return store.file(file.id()).orElseThrow();
        }
    }

    /** The file is left for a later run after the first try and its retries, each kept nothing new. */
    private void assertGaveUpAfterTheRetries(FaultServer server, int requestsPerAttempt) {
        RunReport[] report = new RunReport[1];
        FileRecord file = run(server, report);
        assertFalse(server.exhausted(), "the engine kept retrying: " + server.requests.get() + " requests");
        assertEquals(FileState.RETRYING, file.state(), file.lastError());
        assertTrue(server.requests.get() <= (RETRIES + 1) * requestsPerAttempt, server.requests.get() + " requests");
        assertTrue(report[0].anyRetryable());
    }

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n";

    @Test
    void aServerWithoutRangesWhoseBodyIsAlwaysCutShortIsGivenUp() throws IOException {
        try (FaultServer server = new FaultServer(BUDGET, (request, wire) -> {
            wire.head(OK + "Content-Length: " + SIZE + "\r\n");
            wire.body(content, 0, SIZE / 2);
        })) {
            // each retry asks to resume, is answered with the whole file and starts over
            assertGaveUpAfterTheRetries(server, 2);
        }
    }

    @Test
    void aChunkedBodyAlwaysCutBeforeItsEndIsGivenUp() throws IOException {
        try (FaultServer server = new FaultServer(BUDGET, (request, wire) -> {
            wire.head(OK + "Transfer-Encoding: chunked\r\n");
            for (int at = 0; at < SIZE / 2; at += 8192) {
                wire.text(Integer.toHexString(8192) + "\r\n");
                wire.body(content, at, 8192);
                wire.text("\r\n");
            }
        })) {
            assertGaveUpAfterTheRetries(server, 1);
        }
    }

    @Test
    void aServerThatSendsAHundredBytesThenStallsIsGivenUp() throws IOException {
        try (FaultServer server = new FaultServer(BUDGET, (request, wire) -> {
            wire.head(OK + "Content-Length: " + SIZE + "\r\n");
            wire.body(content, 0, 100);
            wire.stall();
        })) {
            assertGaveUpAfterTheRetries(server, 2);
        }
    }

    @Test
    void aNegativeContentLengthIsAClearFatalError() throws IOException {
        try (FaultServer server = new FaultServer(BUDGET, (request, wire) -> {
            wire.head(OK + "Content-Length: -5\r\n");
            wire.body(content, 0, 1000);
        })) {
            RunReport[] report = new RunReport[1];
            FileRecord file = run(server, report);
            assertEquals(FileState.FAILED, file.state());
            assertEquals(1, server.requests.get());
            assertTrue(file.lastError().startsWith("the server sent an invalid Content-Length (-5) for http://127.0.0.1:"),
                    file.lastError());
            assertFalse(file.lastError().contains("java."), file.lastError());
        }
    }
}
