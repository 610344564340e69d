package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.ResolveException;

/** How HostClient words failures, one status or shape at a time (the contract covers the common ones). */
class HostClientTest {

    MockWebServer server;
    HostClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new HostClient(new OkHttpClient(), "Example", "Set EXAMPLE_TOKEN.");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ResolveException fails(MockResponse answer, HttpUrl url, Map<String, String> headers, Class<?> type) {
        server.enqueue(answer);
        return assertThrows(ResolveException.class, () -> client.get(url, headers, type));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPath() {
        ResolveException e = fails(json(200, "{\"files\": [{\"key\": \"a\", \"size\": \"big\"}]}"), server.url("/r"),
                Map.of(), ZenodoApi.Record.class);
        assertFalse(e.retryable());
        assertEquals("unexpected answer from Example: " + server.url("/r") + " has a value of the wrong type at "
                + "files[0].size", e.getMessage());
    }

    @Test
    void anObjectWhereAnArrayBelongsIsUnexpected() {
        ResolveException e = fails(json(200, "{\"message\": \"ok\"}"), server.url("/list"), Map.of(),
                TciaApi.Series[].class);
        assertTrue(e.getMessage().endsWith("is not a JSON array"), e.getMessage());
        ResolveException empty = fails(json(200, ""), server.url("/list"), Map.of(), TciaApi.Series[].class);
        assertTrue(empty.getMessage().endsWith("answered with an empty body"), empty.getMessage());
    }

    @Test
    void credentialsEchoedByTheServerAreMasked() {
        ResolveException bearer = fails(json(400, "{\"message\": \"token tok-abc-123 is malformed\"}"),
                server.url("/x"), Map.of("Authorization", "Bearer tok-abc-123"), ZenodoApi.Record.class);
        assertEquals("Example answered HTTP 400 to " + server.url("/x") + ": token *** is malformed", bearer.getMessage());
        ResolveException basic = fails(json(403, "{\"error\": \"key key-987654 revoked for someone\"}"),
                server.url("/y"), Map.of("Authorization", "Basic c29tZW9uZTprZXktOTg3NjU0"), ZenodoApi.Record.class);
        assertTrue(basic.getMessage().contains("key *** revoked for someone"), basic.getMessage());
        assertTrue(basic.getMessage().endsWith("Set EXAMPLE_TOKEN."), basic.getMessage());
    }

    @Test
    void messagesNeverShowTheQueryString() {
        ResolveException e = fails(json(404, "{}"), server.url("/file?access_token=q-secret&x=1"), Map.of(),
                ZenodoApi.Record.class);
        assertEquals("Example has nothing at " + server.url("/file") + " (HTTP 404)", e.getMessage());
    }

    @Test
    void statusesMeanWhatTheCallerShouldDo() {
        assertFalse(fails(json(410, "{}"), server.url("/gone"), Map.of(), ZenodoApi.Record.class).retryable());
        server.enqueue(json(408, "{}")); // okhttp itself repeats a request once after a 408
        assertTrue(fails(json(408, "{}"), server.url("/slow"), Map.of(), ZenodoApi.Record.class).retryable());
        ResolveException dated = fails(new MockResponse.Builder().code(503)
                        .setHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT").build(), server.url("/busy"), Map.of(),
                ZenodoApi.Record.class);
        assertTrue(dated.retryable());
        assertTrue(dated.getMessage().endsWith("retry after Wed, 21 Oct 2026 07:28:00 GMT"), dated.getMessage());
    }

    @Test
    void htmlWhereJsonBelongsSaysSo() {
        ResolveException e = fails(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html>login</html>").build(), server.url("/api"), Map.of(), ZenodoApi.Record.class);
        assertEquals("unexpected answer from Example: " + server.url("/api") + " is not JSON (text/html)", e.getMessage());
    }
}
