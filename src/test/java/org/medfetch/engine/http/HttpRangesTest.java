package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.medfetch.engine.TransferException;

/** The HTTP engine's seam for web seeds and .torrent URLs, against MockWebServer. */
class HttpRangesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] FILE = new byte[1000];

    static {
        for (int i = 0; i < FILE.length; i++) {
            FILE[i] = (byte) i;
        }
    }

    private static HttpRanges ranges(Map<String, String> env) {
        return new HttpRanges(HttpTransfer.client(TIMEOUT, 2, new ProxyFromEnvironment(env)));
    }

    private static MockResponse partial(int first, int last) {
        return new MockResponse.Builder().code(206).setHeader("Content-Range", "bytes " + first + "-" + last + "/1000")
                .body(new Buffer().write(Arrays.copyOfRange(FILE, first, last + 1))).build();
    }

    @Test
    void aRangeIsAskedForAndReadExactly() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(partial(100, 299));
            server.start();
            byte[] into = new byte[200];
            try (HttpRanges.Body body = ranges(Map.of()).range(server.url("/ct/a.nii.gz").toString(), 100, 299, TIMEOUT)) {
                body.readFully(into, 0, 50);
                body.readFully(into, 50, 150);
                assertEquals(0, body.remaining());
            }
            assertArrayEquals(Arrays.copyOfRange(FILE, 100, 300), into);
            RecordedRequest request = server.takeRequest();
            assertEquals("bytes=100-299", request.getHeaders().get("Range"));
            assertEquals("identity", request.getHeaders().get("Accept-Encoding"));
        }
    }

    @Test
    void aWholeFileAnswerServesOnlyARangeFromZero() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body(new Buffer().write(FILE)).build());
            server.enqueue(new MockResponse.Builder().body(new Buffer().write(FILE)).build());
            server.start();
            String url = server.url("/a").toString();
            byte[] into = new byte[10];
            try (HttpRanges.Body body = ranges(Map.of()).range(url, 0, 9, TIMEOUT)) {
                body.readFully(into, 0, 10);
            }
            assertArrayEquals(Arrays.copyOf(FILE, 10), into);

            TransferException e = assertThrows(TransferException.class, () -> ranges(Map.of()).range(url, 10, 19, TIMEOUT));
            assertFalse(e.retryable());
            assertEquals("the server does not answer byte ranges (it sent the whole file for bytes 10-19): " + url,
                    e.getMessage());
        }
    }

    @Test
    void anotherRangeThanAskedForIsRefused() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(partial(0, 99));
            server.start();
            TransferException e = assertThrows(TransferException.class,
                    () -> ranges(Map.of()).range(server.url("/a").toString(), 100, 199, TIMEOUT));
            assertTrue(e.retryable());
            assertTrue(e.getMessage().startsWith("asked for bytes 100-199, the server sent bytes 0-99/1000"), e.getMessage());
        }
    }

    @Test
    void aBodyCutShortAndStatusesAreClassifiedAsForEveryDownload() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(404).build());
            server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "7").build());
            server.start();
            String url = server.url("/a?token=secret").toString();
            TransferException missing = assertThrows(TransferException.class, () -> ranges(Map.of()).range(url, 0, 9, TIMEOUT));
            assertTrue(HttpRanges.notFound(missing));
            assertFalse(missing.getMessage().contains("secret"), missing.getMessage());
            TransferException busy = assertThrows(TransferException.class, () -> ranges(Map.of()).range(url, 0, 9, TIMEOUT));
            assertTrue(busy.retryable());
            assertFalse(HttpRanges.notFound(busy));
            assertEquals(Duration.ofSeconds(7), busy.retryAfter());
        }
    }

    @Test
    void wholeResourcesHaveALimit() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body(new Buffer().write(FILE)).build());
            server.enqueue(new MockResponse.Builder().body(new Buffer().write(FILE)).build());
            server.start();
            String url = server.url("/x.torrent").toString();
            assertArrayEquals(FILE, ranges(Map.of()).whole(url, 1000, TIMEOUT));
            TransferException e = assertThrows(TransferException.class, () -> ranges(Map.of()).whole(url, 999, TIMEOUT));
            assertEquals(url + " is larger than 999 bytes", e.getMessage());
        }
    }

    @Test
    void rangesAndWholeResourcesGoThroughTheProxy() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.enqueue(partial(0, 9));
            proxy.enqueue(new MockResponse.Builder().body(new Buffer().write(FILE)).build());
            proxy.start();
            HttpRanges viaProxy = ranges(Map.of("http_proxy", "http://127.0.0.1:" + proxy.getPort()));
            try (HttpRanges.Body body = viaProxy.range("http://seed.invalid/ct/a.nii.gz", 0, 9, TIMEOUT)) {
                body.readFully(new byte[10], 0, 10);
            }
            assertEquals(1000, viaProxy.whole("http://tracker.invalid/x.torrent", 2000, TIMEOUT).length);
            assertEquals("http://seed.invalid/ct/a.nii.gz", proxy.takeRequest().getUrl().toString());
            assertEquals("http://tracker.invalid/x.torrent", proxy.takeRequest().getUrl().toString());
        }
    }
}
