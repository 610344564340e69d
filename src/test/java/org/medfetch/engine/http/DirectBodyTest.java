package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Source.HttpSource;

/**
 * A large body read from the socket's channel: the bytes okhttp had already buffered come first, then the
 * channel's, exactly the body; a body cut short, a cancelled call and a connection that cannot go back to
 * okhttp each end in an error or a fresh connection, never in wrong bytes or a hang.
 */
class DirectBodyTest {

    private static final int SIZE = 1 << 20;
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n";

    private final byte[] content = Fixture.random(SIZE, 11);
    /** A generous read timeout: a test that ends in a timeout failed to end otherwise. */
    private final OkHttpClient client = HttpTransfer.client(Duration.ofSeconds(30), 4, ProxyFromEnvironment.none());

    private Reply get(URI url) throws Exception {
        return new Requester(client, Authorizer.NONE, new HttpSource(url, "data.bin", null, List.of(), null))
                .get(0, -1, null);
    }

    /** Reads through {@code body} until it ends or {@code length} bytes came. */
    private static byte[] readAll(DirectBody body, int length) throws IOException {
        ByteBuffer into = ByteBuffer.allocateDirect(length);
        while (into.hasRemaining()) {
            if (body.read(into) < 0) {
                break;
            }
        }
        assertEquals(-1, body.read(ByteBuffer.allocateDirect(1)), "the body has ended");
        byte[] bytes = new byte[into.flip().remaining()];
        into.get(bytes);
        return bytes;
    }

    @Test
    void theBytesOkhttpBufferedComeFirstThenTheChannels() throws Exception {
        try (FaultServer server = new FaultServer(1, (request, wire) -> {
            wire.head(OK + "Content-Length: " + SIZE + "\r\n");
            // Pieces that do not line up with okhttp's 8 KiB reads.
            for (int at = 0; at < SIZE; at += 5000) {
                wire.body(content, at, Math.min(5000, SIZE - at));
            }
        }); Reply reply = get(server.url("/data.bin"))) {
            byte[] start = reply.body().readByteArray(100);
            DirectBody body = reply.direct(100, 1);
            assertNotNull(body);

            byte[] rest = readAll(body, SIZE - 100);

            assertArrayEquals(java.util.Arrays.copyOf(content, 100), start);
            assertArrayEquals(java.util.Arrays.copyOfRange(content, 100, SIZE), rest);
        }
    }

    @Test
    void aBodyCutShortIsAnErrorNotAShortFile() throws Exception {
        try (FaultServer server = new FaultServer(1, (request, wire) -> {
            wire.head(OK + "Content-Length: " + SIZE + "\r\n");
            wire.body(content, 0, SIZE / 2);
        }); Reply reply = get(server.url("/data.bin"))) {
            DirectBody body = reply.direct(0, 1);

            assertThrows(EOFException.class, () -> readAll(body, SIZE));
        }
    }

    @Test
    void cancellingTheCallEndsAReadThatWaitsForBytes() throws Exception {
        try (FaultServer server = new FaultServer(1, (request, wire) -> {
            wire.head(OK + "Content-Length: " + SIZE + "\r\n");
            wire.body(content, 0, 100);
            wire.stall();
        }); Reply reply = get(server.url("/data.bin"))) {
            DirectBody body = reply.direct(0, 1);
            ByteBuffer first = ByteBuffer.allocateDirect(100);
            while (first.hasRemaining()) {
                body.read(first);
            }
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return body.read(ByteBuffer.allocateDirect(SIZE));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            reply.cancel();

            ExecutionException failed = assertThrows(ExecutionException.class, waiting::get);
            IOException cause = assertInstanceOf(java.io.UncheckedIOException.class, failed.getCause()).getCause();
            assertFalse(cause instanceof SocketTimeoutException, "the cancel, not the read timeout, ended it: " + cause);
        }
    }

    @Test
    void bodiesOkhttpReadsBetterAreLeftToIt() throws Exception {
        try (FaultServer server = new FaultServer(2, (request, wire) -> {
            if (request.startsWith("GET /chunked")) {
                wire.head(OK + "Transfer-Encoding: chunked\r\n");
                wire.text(Integer.toHexString(SIZE) + "\r\n");
                wire.body(content, 0, SIZE);
                wire.text("\r\n0\r\n\r\n");
            } else {
                wire.head(OK + "Content-Length: " + SIZE + "\r\n");
                wire.body(content, 0, SIZE);
            }
        })) {
            try (Reply chunked = get(server.url("/chunked"))) {
                assertNull(chunked.direct(0, 1));
            }
            try (Reply small = get(server.url("/small"))) {
                assertNull(small.direct(0, SIZE + 1), "fewer bytes than a segment worth a connection");
            }
        }
    }

    @Test
    void aBodyWithoutALengthEndsWhereTheServerClosesTheConnection() throws Exception {
        try (FaultServer server = new FaultServer(1, (request, wire) -> {
            wire.head(OK + "Connection: close\r\n");
            wire.body(content, 0, SIZE);
        }); Reply reply = get(server.url("/data.bin"))) {
            DirectBody body = reply.direct(0, SIZE + 1);
            assertNotNull(body, "however short: the connection ends with the body anyway");

            assertArrayEquals(content, readAll(body, SIZE + 1));
        }
    }

    @Test
    void afterARedirectTheLastHopsConnectionIsRead() throws Exception {
        try (FaultServer server = new FaultServer(2, (request, wire) -> {
            if (request.startsWith("GET /moved")) {
                // The first connection closes: reading it instead of the second one would fail.
                wire.head("HTTP/1.1 302 Found\r\nLocation: /data.bin\r\nContent-Length: 0\r\nConnection: close\r\n");
            } else {
                wire.head(OK + "Content-Length: " + SIZE + "\r\n");
                wire.body(content, 0, SIZE);
            }
        }); Reply reply = get(server.url("/moved"))) {
            assertEquals("/data.bin", reply.url().encodedPath());
            DirectBody body = reply.direct(0, 1);
            assertNotNull(body);

            assertArrayEquals(content, readAll(body, SIZE));
        }
    }

    @Test
    void aConnectionReadDirectlyIsNeverHandedBackToOkhttp() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 2; i++) {
                server.enqueue(new MockResponse.Builder().body(new Buffer().write(content)).build());
            }
            server.start();
            try (Reply reply = get(server.url("/data.bin").uri())) {
                assertArrayEquals(content, readAll(reply.direct(0, 1), SIZE));
            }

            // okhttp reads this answer itself: its connection must be a fresh one, in blocking mode.
            try (Reply again = get(server.url("/data.bin").uri())) {
                assertArrayEquals(content, again.body().readByteArray());
            }
            RecordedRequest first = server.takeRequest();
            RecordedRequest second = server.takeRequest();
            assertEquals(0, first.getExchangeIndex());
            assertEquals(0, second.getExchangeIndex(), "the second request came on a new connection");
        }
    }
}
