package org.medfetch.resolve.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The base of each host's fake: routes requests to answers in the real API's shape (JSON from
 * src/test/resources/api/HOST/), records every request, and can be told to answer everything one way
 * (a 404, a 429, a body that is not JSON) for the contract tests.
 */
public abstract class FakeHost extends Dispatcher {

    public final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile MockResponse everything;
    private volatile HttpUrl base;

    @Override
    public final MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        if (everything != null) {
            return everything;
        }
        MockResponse answer = route(request, request.getUrl());
        return answer != null ? answer : status(404, "{\"message\":\"no route to " + request.getUrl().encodedPath() + "\"}");
    }

    /** The answer to one request, or null for a 404. */
    protected abstract MockResponse route(RecordedRequest request, HttpUrl url);

    public void answerEverything(MockResponse response) {
        everything = response;
    }

    /** The server's root URL, written into JSON resources in place of {{base}}. */
    public void base(HttpUrl url) {
        base = url;
    }

    public HttpUrl base() {
        return base;
    }

    /** A JSON resource of this host, with {{base}} replaced by the server's root URL (without the slash). */
    public MockResponse json(String resource) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(text(resource))
                .build();
    }

    public String text(String resource) {
        try (InputStream in = FakeHost.class.getResourceAsStream("/api/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource /api/" + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return base == null ? text : text.replace("{{base}}", base.toString().replaceAll("/$", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    public static MockResponse html(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8").body(body)
                .build();
    }

    /** The requests whose path is {@code path}. */
    public List<RecordedRequest> to(String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
    }
}
