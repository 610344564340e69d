package org.medfetch.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ProxyFromEnvironmentTest {

    static Proxy http(String host, int port) {
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }

    static List<Proxy> select(Map<String, String> env, String url) {
        return new ProxyFromEnvironment(env).select(URI.create(url));
    }

    @Test
    void noVariablesMeansDirect() {
        assertEquals(List.of(Proxy.NO_PROXY), select(Map.of(), "https://zenodo.org/x"));
    }

    @Test
    void eachSchemeHasItsOwnProxy() {
        Map<String, String> env = Map.of("HTTP_PROXY", "http://plain:3128", "HTTPS_PROXY", "secure:8443");

        assertEquals(List.of(http("plain", 3128)), select(env, "http://example.org/a"));
        assertEquals(List.of(http("secure", 8443)), select(env, "https://example.org/a"));
    }

    @Test
    void httpsWithoutItsOwnVariableGoesDirect() {
        assertEquals(List.of(Proxy.NO_PROXY), select(Map.of("http_proxy", "plain:3128"), "https://example.org/"));
    }

    @Test
    void lowerCaseWinsAndPortDefaultsLikeCurl() {
        Map<String, String> env = Map.of("https_proxy", "lower", "HTTPS_PROXY", "upper:1");

        assertEquals(List.of(http("lower", ProxyFromEnvironment.DEFAULT_PORT)), select(env, "https://example.org/"));
    }

    @Test
    void noProxyEntriesAreHostSuffixes() {
        Map<String, String> env = Map.of("https_proxy", "p:1", "no_proxy", "example.org, .internal,*.lan");

        assertEquals(List.of(Proxy.NO_PROXY), select(env, "https://example.org/"));
        assertEquals(List.of(Proxy.NO_PROXY), select(env, "https://data.example.org/"));
        assertEquals(List.of(Proxy.NO_PROXY), select(env, "https://db.internal/"));
        assertEquals(List.of(Proxy.NO_PROXY), select(env, "https://nas.lan/"));
        assertEquals(List.of(http("p", 1)), select(env, "https://notexample.org/"));
        assertEquals(List.of(http("p", 1)), select(env, "https://example.org.evil.com/"));
    }

    @Test
    void starTurnsProxiesOff() {
        assertEquals(List.of(Proxy.NO_PROXY), select(Map.of("HTTPS_PROXY", "p:1", "NO_PROXY", "*"), "https://a.b/"));
    }

    @Test
    void socksProxies() {
        assertEquals(Proxy.Type.SOCKS, select(Map.of("http_proxy", "socks5://s:1081"), "http://a.b/").get(0).type());
    }

    @Test
    void badValueNamesTheVariableButNotItsSecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ProxyFromEnvironment(Map.of("HTTPS_PROXY", "http://user:hunter2@")));

        assertTrue(e.getMessage().contains("https_proxy"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void requestsGoThroughTheProxyWithItsCredentials() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            String expected = Credentials.basic("user", "p@ss");
            proxy.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (!expected.equals(request.getHeaders().get("Proxy-Authorization"))) {
                        return new MockResponse.Builder().code(407)
                                .setHeader("Proxy-Authenticate", "Basic realm=\"proxy\"").build();
                    }
                    return new MockResponse.Builder().body("via proxy " + request.getTarget()).build();
                }
            });
            proxy.start();
            ProxyFromEnvironment env = new ProxyFromEnvironment(Map.of("http_proxy",
                    "http://user:p%40ss@127.0.0.1:" + proxy.getPort()));
            OkHttpClient client = HttpTransfer.client(Duration.ofSeconds(5), 2, env);

            try (Response r = client.newCall(new Request.Builder().url("http://data.example/file.zip").build()).execute()) {
                assertEquals(200, r.code());
                assertEquals("via proxy http://data.example/file.zip", r.body().string());
            }
        }
    }
}
