package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * InvenioRDM installations other than Zenodo, on the answers of api/invenio/ (the InvenioRDM REST
 * documentation's record and file listing, see its README) and Zenodo's recorded record 107873, which is the
 * same software answering for a numeric id.
 */
class InvenioRdmResolverTest extends ResolverContract {

    static final String RECORD = "https://data.caltech.edu/records/cbc2k-q9x58";

    @Override
    protected FakeHost fake() {
        return new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest request, HttpUrl url) {
                return switch (url.encodedPath()) {
                    case "/api/records/cbc2k-q9x58" -> json("invenio/record-cbc2k-q9x58.json");
                    case "/api/records/cbc2k-q9x58/files" -> json("invenio/files-cbc2k-q9x58.json");
                    case "/api/records/rstrc-q9x58" -> json("invenio/record-cbc2k-q9x58-restricted.json");
                    case "/api/records/107873" -> json("zenodo/record-107873.json");
                    case "/api/records/555" -> new MockResponse.Builder().code(404)
                            .setHeader("Content-Type", "text/html").body("<html>Not found</html>").build();
                    case "/records/555" -> html("<html><body>Annual report 555</body></html>");
                    default -> null;
                };
            }
        };
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new InvenioRdmResolver(context);
    }

    @Override
    protected String resolvableLink() {
        return RECORD;
    }

    @Test
    void aRecordsFilesAreListedApartWithTheirMd5AndRelativeLinksReadAgainstTheSite() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(RECORD));
        Source.HttpSource pdf = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("article.pdf", pdf.path());
        assertEquals(76122L, pdf.size());
        assertEquals("md5:71449104d017a6056ac1a5fb58754975", pdf.checksums().get(0).toString());
        assertEquals(fake.base() + "api/records/cbc2k-q9x58/files/article.pdf/content", pdf.url().toString());
        assertEquals("An Updated Romans story", fetch.info().title());
        assertEquals(java.util.List.of("Brown, Troy", "Collins, Thomas"), fetch.info().authors());
        assertEquals("data.caltech.edu", fetch.info().publisher());
    }

    @Test
    void aFileLinkKeepsThatFileAndAnUnknownOneIsAClearError() throws ResolveException {
        Resolution.Fetch one = assertInstanceOf(Resolution.Fetch.class, resolve(RECORD + "/files/article.pdf"));
        assertEquals(1, one.sources().size());
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(RECORD + "/files/other.zip"));
        assertTrue(e.getMessage().contains("has no file other.zip"), e.getMessage());
    }

    @Test
    void aRestrictedRecordIsForAPersonWithoutZenodosToken() throws ResolveException {
        String text = assertInstanceOf(Resolution.Manual.class, resolve("https://data.caltech.edu/records/rstrc-q9x58"))
                .instructions().render();
        assertTrue(text.contains("data.caltech.edu record rstrc-q9x58 is restricted"), text);
        assertFalse(text.contains("ZENODO_TOKEN"), text);
    }

    @Test
    void aNumericIdIsConfirmedByTheRecordsApi() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://repository.tugraz.at/records/107873"));
        Source.HttpSource file = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("event.json", file.path());
        assertEquals("md5:d3b07384d113edec49eaa6238ad5ff00", file.checksums().get(0).toString());
        assertEquals(fake.base().host(), file.url().getHost(), "the recorded sandbox link is kept on the endpoint");
    }

    @Test
    void aNumericIdThatNoInvenioRdmAnswersIsTheWebPageItIs() throws ResolveException {
        String text = assertInstanceOf(Resolution.Manual.class, resolve("https://www.example.org/records/555"))
                .instructions().render();
        assertTrue(text.contains("find the download on it"), text);
        assertEquals(1, fake.to("/records/555").size(), "the page itself was probed");
    }

    @Test
    void onlyRecordShapesOfOtherSitesAreItsOwn() {
        assertTrue(resolver.accepts(URI.create("https://researchdata.tuwien.ac.at/records/cbc2k-q9x58/files/a.zip")));
        assertFalse(resolver.accepts(URI.create("https://zenodo.org/records/7105232")), "Zenodo has its own host");
        assertFalse(resolver.accepts(URI.create("https://example.org/records/music-collection")));
        assertFalse(resolver.accepts(URI.create("https://example.org/records/cbc2k-q9x58/versions/2")));
    }
}
