package org.medfetch.resolve.hosts;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A hostile host: answers every request with one status and a JSON error message that repeats the
 * request's Authorization header, body and full URL, as a careless server might.
 */
final class EchoingHost extends FakeHost {

    private final int code;

    EchoingHost(int code) {
        this.code = code;
    }

    @Override
    protected MockResponse route(RecordedRequest request, HttpUrl url) {
        String echo = "auth=" + request.getHeaders().get("Authorization") + " body="
                + (request.getBody() == null ? "" : request.getBody().utf8()) + " url=" + url;
        return status(code, "{\"message\": \"" + echo.replace("\\", "\\\\").replace("\"", "'") + "\", \"msg\": \""
                + echo.replace("\"", "'") + "\"}");
    }
}
