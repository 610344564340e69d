package org.medfetch.engine.http;

import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * One answer being read, with the call that can cancel it. Closing it releases the connection (or
 * drops it, when the body was not read to its end).
 */
final class Reply implements AutoCloseable {

    private final Call call;
    private final Response response;
    private final Runnable onClose;

    Reply(Call call, Response response, Runnable onClose) {
        this.call = call;
        this.response = response;
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

    void cancel() {
        call.cancel();
    }

    @Override
    public void close() {
        try {
            response.close();
        } finally {
            onClose.run();
        }
    }
}
