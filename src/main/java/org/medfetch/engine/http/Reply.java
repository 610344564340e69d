package org.medfetch.engine.http;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * One answer being read, with the call that can cancel it. Closing it releases the connection (or
 * drops it, when the body was not read to its end or was read from the socket's channel).
 */
final class Reply implements AutoCloseable {

    private final Call call;
    private final Response response;
    private final SocketTag socket;
    private final Runnable onClose;
    private DirectBody direct;

    Reply(Call call, Response response, SocketTag socket, Runnable onClose) {
        this.call = call;
        this.response = response;
        this.socket = socket;
        this.onClose = onClose;
    }

    int code() {
        return response.code();
    }

    Response response() {
        return response;
    }

    String header(String name) {
        return response.header(name);
    }

    /** Where the request ended after redirects. */
    HttpUrl url() {
        return response.request().url();
    }

    ContentRange contentRange() {
        return ContentRange.parse(response.header("Content-Range"));
    }

    /** The Content-Length header, or -1. */
    long contentLength() {
        String value = response.header("Content-Length");
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Offset just after the body's last byte (Content-Range, else Content-Length), or -1 when unknown. */
    long end() {
        ContentRange range = contentRange();
        return range != null ? range.last() + 1 : contentLength();
    }

    Validators validators() {
        return Validators.of(response);
    }

    BufferedSource body() {
        return response.body().source();
    }

    /**
     * The rest of the body read from the socket's channel, or null when okhttp's path suits it better
     * (see {@link DirectBody#of}); {@code consumed} bytes of it were read already.
     */
    DirectBody direct(long consumed, long minBytes) throws IOException {
        if (direct == null) {
            direct = DirectBody.of(this, socket.socket(), consumed, minBytes);
        }
        return direct;
    }

    void cancel() {
        call.cancel();
    }

    @Override
    public void close() {
        try {
            if (direct != null) {
                // okhttp cannot continue a connection whose bytes it did not read: close it, not reuse it.
                call.cancel();
                direct.close();
            }
            response.close();
        } finally {
            onClose.run();
        }
    }
}
