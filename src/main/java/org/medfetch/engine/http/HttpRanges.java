package org.medfetch.engine.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Source.HttpSource;

/**
 * Byte ranges and small whole resources over medfetch's one HTTP client (its proxies, timeouts and
 * failure classification), for callers outside this package that need bytes rather than a file: a
 * torrent's web seeds and .torrent URLs. Failures come as {@link TransferException}s classified as
 * every HTTP download's are.
 */
public final class HttpRanges {

    private final OkHttpClient client;

    /** @param client the run's client ({@link HttpTransfer#client}) */
    public HttpRanges(OkHttpClient client) {
        this.client = client;
    }

    /**
     * Opens bytes {@code first} to {@code last} (inclusive) of {@code url}. A server that answers the whole
     * file (200) is accepted only for a range that starts at 0: the body is cut after {@code last}.
     *
     * @throws TransferException a status other than 206 (or 200 from 0), a Content-Range that is not the one
     *                           asked for, or a network failure
     */
    public Body range(String url, long first, long last, Duration timeout) throws TransferException {
        Reply reply = requester(url, timeout).get(first, last, null);
        try {
            int code = reply.code();
            if (code == 206) {
                ContentRange range = reply.contentRange();
                if (range == null || range.first() != first || range.last() < last) {
                    throw new TransferException(Kind.HTTP_STATUS, true, "asked for bytes " + first + "-" + last
                            + ", the server sent " + reply.header("Content-Range") + ": " + HttpFailures.display(reply.url()));
                }
            } else if (code == 200) {
                long length = reply.contentLength();
                if (first != 0 || length >= 0 && length <= last) {
                    throw new TransferException(Kind.BAD_INPUT, false, "the server does not answer byte ranges "
                            + "(it sent the whole file for bytes " + first + "-" + last + "): "
                            + HttpFailures.display(reply.url()));
                }
            } else {
                throw HttpFailures.status(reply.response(), java.time.Instant.now());
            }
            return new Body(reply, last - first + 1);
        } catch (TransferException | RuntimeException e) {
            reply.close();
            throw e;
        }
    }

    /**
     * A whole resource of at most {@code maxBytes} (a .torrent file).
     *
     * @throws TransferException a status other than 200/206, a larger body, or a network failure
     */
    public byte[] whole(String url, int maxBytes, Duration timeout) throws TransferException {
        try (Reply reply = requester(url, timeout).get(0, -1, null)) {
            int code = reply.code();
            if (code != 200 && code != 206) {
                throw HttpFailures.status(reply.response(), java.time.Instant.now());
            }
            byte[] bytes;
            try {
                okio.Buffer buffer = new okio.Buffer();
                long read;
                while ((read = reply.body().read(buffer, 65_536)) >= 0) {
                    if (buffer.size() > maxBytes) {
                        throw new TransferException(Kind.BAD_INPUT, false, HttpFailures.display(reply.url())
                                + " is larger than " + maxBytes + " bytes");
                    }
                }
                bytes = buffer.readByteArray();
            } catch (IOException e) {
                throw HttpFailures.network(e, reply.url());
            }
            return bytes;
        }
    }

    /** Whether a failure is the server saying the resource is not there (404, 410). */
    public static boolean notFound(TransferException e) {
        return e.kind() == Kind.HTTP_STATUS && !e.retryable() && e.getMessage().startsWith("not found (");
    }

    /** The URL as it may be shown and stored: no user info, query or fragment. */
    public static String display(String url) {
        okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(url);
        return parsed == null ? url.replaceAll("[?#].*", "") : HttpFailures.display(parsed);
    }

    private Requester requester(String url, Duration timeout) throws TransferException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new TransferException(Kind.BAD_INPUT, false, "'" + display(url) + "' is not a usable URL");
        }
        OkHttpClient timed = client.newBuilder().connectTimeout(timeout).readTimeout(timeout).build();
        return new Requester(timed, Authorizer.NONE, HttpSource.of(uri, "range"));
    }

    /** The body of one range: exactly its bytes, then end of stream. */
    public static final class Body implements AutoCloseable {

        private final Reply reply;
        private long left;

        private Body(Reply reply, long length) {
            this.reply = reply;
            this.left = length;
        }

        /** Bytes of the range not read yet. */
        public long remaining() {
            return left;
        }

        /**
         * Fills {@code into[offset, offset + length)} from the range.
         *
         * @throws TransferException the connection failed or the body ended early
         */
        public void readFully(byte[] into, int offset, int length) throws TransferException {
            if (length > left) {
                throw new IllegalArgumentException("asked for " + length + " bytes, " + left + " left in the range");
            }
            try {
                int at = offset;
                int end = offset + length;
                while (at < end) {
                    int n = reply.body().read(into, at, end - at);
                    if (n < 0) {
                        throw new TransferException(Kind.SIZE_MISMATCH, true, "the server ended the answer "
                                + (left - (at - offset)) + " bytes early: " + HttpFailures.display(reply.url()));
                    }
                    at += n;
                }
            } catch (IOException e) {
                throw HttpFailures.network(e, reply.url());
            }
            left -= length;
        }

        /** Drops the connection when bytes were left unread (a server that sent the whole file). */
        @Override
        public void close() {
            if (left > 0) {
                reply.cancel();
            }
            reply.close();
        }
    }
}
