package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * DSpace repositories on the examples of DSpace's REST contract (item, its bundles, the ORIGINAL bundle's
 * bitstreams; api/dspace/README.md), a DSpace 6 item with a recorded bitstream, and a site at /handle/ that is
 * no DSpace.
 */
class DSpaceResolverTest extends ResolverContract {

    static final String ITEM = "1911e8a4-6939-490c-b58b-a5d70f8d91fb";
    static final String UW = "https://digital.lib.washington.edu/researchworks/handle/1773/45396";

    @Override
    protected FakeHost fake() {
        return new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest request, HttpUrl url) {
                return switch (url.encodedPath()) {
                    case "/server/api/pid/find" -> "1773/45396".equals(url.queryParameter("id"))
                            ? new MockResponse.Builder().code(302).setHeader("Location", base()
                            + "server/api/core/items/" + ITEM).build() : status(404, "{\"status\":404}");
                    case "/server/api/core/items/" + ITEM -> json("dspace/item-1911e8a4.json");
                    case "/server/api/core/items/" + ITEM + "/bundles" -> json("dspace/item-bundles-1911e8a4.json");
                    case "/server/api/core/bundles/d3599177-0408-403b-9f8d-d300edd79edb/bitstreams" ->
                            json("dspace/bundle-bitstreams-d3599177.json");
                    case "/server/api/core/bitstreams/8d33bdfb-e7ba-43e6-a93a-f445b7e8a1e2" ->
                            json("dspace/bitstream-8d33bdfb.json");
                    case "/rest/handle/2027.42/1234" -> json("dspace/rest6-handle-1773-45396.json");
                    case "/handle/123/456" -> html("<html>A handle page of some other software</html>");
                    default -> url.encodedPath().startsWith("/server/") || url.encodedPath().startsWith("/rest/")
                            ? new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html")
                            .body("<html>Not found</html>").build() : null;
                };
            }
        };
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new DSpaceResolver(context);
    }

    @Override
    protected String resolvableLink() {
        return UW;
    }

    @Test
    void aHandleIsFoundThroughDSpace7AndItsOriginalBundleGivesTheFilesWithMd5() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(UW));
        assertEquals(List.of("atmire-logo.jpeg", "atmire-logo.jpeg.jpg"), fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource logo = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(7568L, logo.size());
        assertEquals("md5:59a4cfd819ce67ba7252efc52d1eb99b", logo.checksums().get(0).toString());
        assertEquals(fake.base() + "server/api/core/bitstreams/1ce6db0e-662f-4a13-ba87-c371ad664b14/content",
                logo.url().toString());
        assertTrue(fetch.info().title().startsWith("Practices of research data curation"), fetch.info().title());
        assertEquals(List.of("Stvilia, Besiki", "Lee, Dong Joon"), fetch.info().authors());
        assertEquals("https://hdl.handle.net/10673/20", fetch.info().landingPage());
    }

    @Test
    void aDSpace7ItemPageIsReadDirectly() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://demo.dspace.org/entities/publication/" + ITEM));
        assertEquals(2, fetch.sources().size());
        assertTrue(fake.to("/server/api/pid/find").isEmpty());
    }

    @Test
    void aDSpace6HandleIsReadFromTheRestApiOriginalFilesOnly() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://deepblue.lib.umich.edu/handle/2027.42/1234"));
        assertEquals(1, fetch.sources().size(), "the LICENSE bundle's file is not data");
        Source.HttpSource pdf = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("Resistencia_ENERO_MARZO_baja.pdf", pdf.path());
        assertEquals(551479L, pdf.size());
        assertEquals("md5:9670d137be9a5810f42e40aabef1f0d6", pdf.checksums().get(0).toString());
        assertEquals(fake.base() + "rest/bitstreams/4187/retrieve", pdf.url().toString());
    }

    @Test
    void aBitstreamWithoutANameIsAClearError() {
        ResolveException e = assertThrows(ResolveException.class,
                () -> resolve("https://demo.dspace.org/bitstreams/8d33bdfb-e7ba-43e6-a93a-f445b7e8a1e2/download"));
        assertTrue(e.getMessage().contains("no uuid or name"), e.getMessage());
    }

    @Test
    void aFileLinkIsDownloadedAsIs() throws ResolveException {
        String link = "https://repository.example.edu/bitstream/handle/10673/20/scans.zip?sequence=1";
        assertEquals(LinkClass.HTTP, resolver.classify(entry(link), URI.create(link)).linkClass());
        Source.HttpSource file = (Source.HttpSource) assertInstanceOf(Resolution.Fetch.class, resolve(link)).sources().get(0);
        assertEquals("scans.zip", file.path());
        assertEquals("sequence=1", file.url().getQuery());
    }

    @Test
    void aSiteThatIsNoDSpaceIsTheWebPageItIs() throws ResolveException {
        String steps = assertInstanceOf(Resolution.Manual.class, resolve("https://hdl.example.org/handle/123/456"))
                .instructions().render();
        assertTrue(steps.contains("find the download on it"), steps);
        assertEquals(1, fake.to("/rest/handle/123/456").size(), "the older REST API was asked too");
    }

    /** Not DSpace's JSON: the link is then what a probe of it says, not a broken DSpace. */
    @Test
    @Override
    public void malformedJsonIsAClearFatalError() throws ResolveException {
        fake.answerEverything(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"files\": [ this is not JSON").build());
        assertInstanceOf(Resolution.Fetch.class, resolve(UW));
    }

    @Test
    void shapesOfOtherSoftwareAreNotItsOwn() {
        assertFalse(resolver.accepts(URI.create("https://example.org/handle/abc/def")));
        assertFalse(resolver.accepts(URI.create("https://example.org/items/42")));
        assertTrue(resolver.accepts(URI.create("https://repo.example.edu/xmlui/handle/10012/5")));
    }
}
