package org.medfetch.engine.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

/**
 * A static file server fake with switches for every fault the HTTP engine must survive: ranges on or
 * off, a disconnect after N body bytes, N errors before success (with Retry-After), content and
 * validators that change between requests (or right after an answer), a wrong Content-Range start, an HTML page, a chosen
 * Content-Disposition, a redirect to a signed URL, and a late range. Counts the body bytes it served.
 */
final class FileServer extends Dispatcher {

    static final String PATH = "/files/data.bin";
    static final String SIGNED = "/signed";
    static final String SECRET = "X-Amz-Signature=s3cr3t";

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    volatile byte[] content;
    volatile String etag = "\"v1\"";
    volatile String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
    volatile boolean ranges = true;
    volatile String contentType = "application/octet-stream";
    volatile String contentDisposition;
    volatile boolean html;
    volatile boolean chunked;
    /** Once set, the content served after the next answer: the file changes right after that answer ... */
    volatile byte[] changeAfterNext;
    /** ... and so does its ETag, when this is set. */
    volatile String etagAfterChange;
    /** A range whose start matches starts its body after a pause, for work stealing. */
    volatile LongPredicate slowStart = start -> false;
    volatile long slowDelayMillis = 1000;

    final AtomicInteger errors = new AtomicInteger();
    volatile int errorCode = 503;
    volatile String retryAfter;
    /** How many of the next answers break after {@link #disconnectAfter} body bytes. */
    final AtomicInteger disconnects = new AtomicInteger();
    volatile long disconnectAfter;
    /** How many of the next range answers claim to start this many bytes later than asked. */
    final AtomicInteger wrongStarts = new AtomicInteger();

    final AtomicLong served = new AtomicLong();
    final List<String> rangeHeaders = Collections.synchronizedList(new ArrayList<>());
    final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

    FileServer(byte[] content) {
        this.content = content;
    }

    List<String> rangesAsked() {
        synchronized (rangeHeaders) {
            return List.copyOf(rangeHeaders);
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse answer = answer(request);
        byte[] next = changeAfterNext;
        if (next != null) {
            content = next;
            etag = etagAfterChange != null ? etagAfterChange : etag;
            changeAfterNext = null;
        }
        return answer;
    }

    private MockResponse answer(RecordedRequest request) {
        requests.add(request);
        String path = request.getUrl().encodedPath();
        if (path.equals(SIGNED)) {
            return new MockResponse.Builder().code(302).setHeader("Location", PATH + "?" + SECRET).build();
        }
        rangeHeaders.add(String.valueOf(request.getHeaders().get("Range")));
        if (errors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            MockResponse.Builder error = new MockResponse.Builder().code(errorCode).body("busy");
            return (retryAfter == null ? error : error.setHeader("Retry-After", retryAfter)).build();
        }
        if (html) {
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                    .body("<html><body>Please log in</body></html>").build();
        }
        byte[] data = content;
        String range = request.getHeaders().get("Range");
        String ifRange = request.getHeaders().get("If-Range");
        boolean honour = ranges && range != null
                && (ifRange == null || ifRange.equals(etag) || ifRange.equals(lastModified));
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (!honour || !m.matches()) {
            return body(headers(new MockResponse.Builder().code(200)), data, 0, data.length, 0);
        }
        long first = Long.parseLong(m.group(1));
        if (first >= data.length) {
            return headers(new MockResponse.Builder().code(416)).setHeader("Content-Range", "bytes */" + data.length)
                    .build();
        }
        long last = m.group(2).isEmpty() ? data.length - 1 : Math.min(Long.parseLong(m.group(2)), data.length - 1);
        long shift = wrongStarts.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 1000 : 0;
        long from = Math.min(first + shift, last);
        MockResponse.Builder answer = headers(new MockResponse.Builder().code(206))
                .setHeader("Content-Range", "bytes " + from + "-" + last + "/" + data.length);
        return body(answer, data, (int) from, (int) (last - from + 1), first);
    }

    private MockResponse.Builder headers(MockResponse.Builder b) {
        b.setHeader("Content-Type", contentType);
        if (ranges) {
            b.setHeader("Accept-Ranges", "bytes");
        }
        if (etag != null) {
            b.setHeader("ETag", etag);
        }
        if (lastModified != null) {
            b.setHeader("Last-Modified", lastModified);
        }
        if (contentDisposition != null) {
            b.setHeader("Content-Disposition", contentDisposition);
        }
        return b;
    }

    private MockResponse body(MockResponse.Builder b, byte[] data, int from, int length, long asked) {
        if (disconnects.getAndUpdate(n -> Math.max(0, n - 1)) > 0 && disconnectAfter < length) {
            // MockWebServer closes the socket once half of the body it was given is written.
            int cut = (int) disconnectAfter;
            b.body(new CountingBody(data, from, cut, 2L * cut, served))
                    .setHeader("Content-Length", length)
                    .onResponseBody(new SocketEffect.CloseSocket(true, false, false));
            return b.build();
        }
        if (slowStart.test(asked)) {
            b.bodyDelay(slowDelayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        if (chunked) {
            served.addAndGet(length);
            return b.chunkedBody(new okio.Buffer().write(data, from, length), 8192).build();
        }
        return b.body(new CountingBody(data, from, length, length, served)).build();
    }

    /** Writes a slice in small pieces, counting what it hands to the socket. */
    private record CountingBody(byte[] data, int from, int length, long declared, AtomicLong served)
            implements MockResponseBody {

        @Override
        public long getContentLength() {
            return declared;
        }

        @Override
        public void writeTo(BufferedSink sink) throws java.io.IOException {
            for (int off = 0; off < length; off += 16 * 1024) {
                int n = Math.min(16 * 1024, length - off);
                served.addAndGet(n);
                sink.write(data, from + off, n);
                sink.flush();
            }
        }
    }
}
