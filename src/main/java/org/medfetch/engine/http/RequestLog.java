package org.medfetch.engine.http;

import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Says every HTTP request and its answer (medfetch -v): method, URL, range, status, length, and what failed.
 * A URL is shown without its query and user info, where signed URLs and tokens live: never a secret.
 */
public final class RequestLog implements Interceptor {

    private final Consumer<String> out;

    public RequestLog(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String range = request.header("Range");
        String said = request.method() + " " + shown(request.url()) + (range == null ? "" : " (" + range + ")");
        try {
            Response response = chain.proceed(request);
            String length = response.header("Content-Length");
            String retry = response.header("Retry-After");
            out.accept(said + " -> " + response.code() + (length == null ? "" : ", " + length + " bytes")
                    + (retry == null ? "" : ", Retry-After " + retry));
            return response;
        } catch (IOException e) {
            out.accept(said + " -> " + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()));
            throw e;
        }
    }

    /** The URL without user info, query or fragment. */
    static String shown(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).fragment(null).build().toString()
                + (url.query() == null ? "" : "?…");
    }
}
