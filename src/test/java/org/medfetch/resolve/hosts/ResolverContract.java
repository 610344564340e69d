package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.Hosts;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;

/**
 * What every host resolver does, tested once: it accepts its own links and no other host's, and a
 * host that is missing, busy, broken or unreachable gives the error a caller can act on. A host's
 * test extends this with its fake, its links and its own shapes.
 */
public abstract class ResolverContract {

    /** The example links of every host in the registry (each host's {@code Host.examples}). */
    public static final List<String> EVERY_HOST = Hosts.REGISTRY.stream()
            .map(host -> host.apply(HostContext.pointedAt(URI.create("http://127.0.0.1:9"), new OkHttpClient(),
                    new UserConfig(Map.of(), Path.of("no-home"), w -> { }))))
            .flatMap(r -> r.host().examples().stream()).toList();

    @TempDir
    protected Path home;

    protected MockWebServer server;
    protected FakeHost fake;
    protected Resolver resolver;
    protected final OkHttpClient http = new OkHttpClient();
    protected final java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** This host's fake. */
    protected abstract FakeHost fake();

    /** The resolver built from {@code context}: {@code return new XxxResolver(context);} */
    protected abstract Resolver resolver(HostContext context);

    /** Links this resolver owns: its host's examples, and more shapes a test adds. */
    protected List<String> ownLinks() {
        return resolver.host().examples();
    }

    /** A link that the fake resolves into files. */
    protected abstract String resolvableLink();

    /** Environment for the resolver: credentials, when the host needs them. */
    protected Map<String, String> env() {
        return Map.of();
    }

    /** Whether the resolver reads JSON (page scrapers read HTML, where "malformed" means "no links"). */
    protected boolean readsJson() {
        return true;
    }

    @BeforeEach
    public void startFake() throws IOException {
        fake = fake();
        server = new MockWebServer();
        server.setDispatcher(fake);
        server.start();
        fake.base(server.url("/"));
        resolver = resolver(context(env()));
    }

    @AfterEach
    public void stopFake() {
        server.close();
    }

    /** Every host's base URL at the fake server, credentials read from {@code env} (and the test's home). */
    protected HostContext context(Map<String, String> env) {
        return HostContext.pointedAt(URI.create(server.url("/").toString().replaceAll("/$", "")), http,
                new UserConfig(env, home, warnings::add));
    }

    protected Resolution resolve(String link) throws ResolveException {
        return resolver.resolve(entry(link), URI.create(link));
    }

    protected static CatalogEntry entry(String link) {
        return new CatalogEntry("some-dataset", "Some Dataset", "CT", null, null, null, null, link, 1);
    }

    @Test
    public void acceptsItsOwnLinks() {
        for (String link : ownLinks()) {
            assertTrue(resolver.accepts(URI.create(link)), link);
        }
    }

    @Test
    public void rejectsOtherHostsLinks() {
        List<String> others = EVERY_HOST.stream().filter(l -> !ownLinks().contains(l)
                && !resolver.host().examples().contains(l)).toList();
        for (String link : others) {
            assertFalse(resolver.accepts(URI.create(link)), () -> resolver.name() + " accepts " + link);
        }
    }

    @Test
    public void resolvesTheFakeHostIntoFiles() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(resolvableLink()));
        assertFalse(fetch.sources().isEmpty());
    }

    @Test
    public void notFoundIsFatal() throws ResolveException {
        fake.answerEverything(FakeHost.status(404, "{\"message\":\"Not found\"}"));
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(resolvableLink()));
        assertFalse(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
    }

    @Test
    public void rateLimitIsRetryableAndSaysWhen() {
        fake.answerEverything(new MockResponse.Builder().code(429).setHeader("Retry-After", "17").body("slow down")
                .build());
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(resolvableLink()));
        assertTrue(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains("17 s"), e.getMessage());
    }

    @Test
    public void serverErrorIsRetryable() {
        fake.answerEverything(FakeHost.status(503, "{\"message\":\"maintenance\"}"));
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(resolvableLink()));
        assertTrue(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains("503"), e.getMessage());
    }

    @Test
    public void malformedJsonIsAClearFatalError() throws ResolveException {
        Assumptions.assumeTrue(readsJson(), "this resolver reads HTML pages");
        fake.answerEverything(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"files\": [ this is not JSON").build());
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(resolvableLink()));
        assertFalse(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().startsWith("unexpected answer from "), e.getMessage());
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    public void unreachableHostIsRetryable() {
        server.close();
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(resolvableLink()));
        assertTrue(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot reach "), e.getMessage());
    }
}
