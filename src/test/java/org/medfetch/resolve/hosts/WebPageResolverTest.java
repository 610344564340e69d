package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.web.LinkKind;
import org.medfetch.resolve.web.ProbeCache;

/** Links no host claims: pages by shape, and the probe (HEAD, then a one-byte GET) with its cache. */
class WebPageResolverTest {

    final MockWebServer server = new MockWebServer();
    final ProbeCache cache = ProbeCache.memory();
    WebPageResolver resolver;

    @BeforeEach
    void start() throws IOException {
        server.start();
        resolver = new WebPageResolver(HostContext.of(org.medfetch.resolve.Endpoints.NONE, new OkHttpClient(),
                new UserConfig(Map.of(), Path.of("no-home"), w -> { }), cache));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Resolution resolve(URI link) throws ResolveException {
        return resolver.resolve(ResolverContract.entry(link.toString()), link);
    }

    @Test
    void htmlIsAPageAndTheAnswerIsKeptSoTheLinkIsProbedOnce() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8").build());
        URI link = server.url("/data/landing").uri();
        assertInstanceOf(Resolution.Manual.class, resolve(link));
        assertInstanceOf(Resolution.Manual.class, resolve(link));
        assertEquals(1, server.getRequestCount());
        assertEquals("HEAD", server.takeRequest().getMethod());
        assertEquals(Optional.of(LinkKind.PAGE), cache.get(link));
    }

    @Test
    void anythingElseOrAnAttachmentIsTheFileAndListingsThenSayHttp() throws Exception {
        server.enqueue(new MockResponse.Builder().code(405).build());
        server.enqueue(new MockResponse.Builder().code(206).setHeader("Content-Type", "text/html")
                .setHeader("Content-Disposition", "attachment; filename=\"scans.zip\"").body("P").build());
        URI link = server.url("/download?id=7").uri();
        assertEquals(LinkClass.MANUAL, resolver.classify(ResolverContract.entry(link.toString()), link).linkClass());
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(link));
        assertEquals("download", fetch.sources().get(0).path());
        server.takeRequest();
        assertEquals("bytes=0-0", server.takeRequest().getHeaders().get("Range"), "HEAD refused: a one-byte GET");
        assertEquals(LinkClass.HTTP, resolver.classify(ResolverContract.entry(link.toString()), link).linkClass());
    }

    @Test
    void pagesByShapeAreNeverProbedNorFetched() throws ResolveException {
        for (String path : new String[] {"/a/index.html", "/b/page.htm", "/c/get.php", "/d/run.cgi", "/e/view.jsf",
                "/f/Default.aspx", "/g/page.asp", "/h/page.shtml", "/dataset/versions/1.0.0"}) {
            assertInstanceOf(Resolution.Manual.class, resolve(server.url(path).uri()), path);
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aFailedProbeIsRetryableAndNotKept() throws IOException {
        URI link = server.url("/file").uri();
        server.close();
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(link));
        assertTrue(e.retryable(), e.getMessage());
        assertEquals(Optional.empty(), cache.get(link));
    }
}
