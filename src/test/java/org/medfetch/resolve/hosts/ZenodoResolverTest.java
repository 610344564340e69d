package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class ZenodoResolverTest extends ResolverContract {

    @Override
    protected FakeHost fake() {
        return new ZenodoFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new ZenodoResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of("https://zenodo.org/records/7105232", "https://doi.org/10.5281/zenodo.1214456",
                "https://zenodo.org/records/107873", "https://doi.org/10.5281/zenodo.4589980");
    }

    @Override
    protected String resolvableLink() {
        return "https://zenodo.org/records/107873";
    }

    @Test
    void recordedOpenRecordBecomesItsFilesWithSizesMd5AndTheRecordsInfo() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://zenodo.org/records/107873"));
        Source.HttpSource file = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("event.json", file.path());
        assertEquals(4L, file.size());
        assertEquals(List.of(new Checksum("md5", "d3b07384d113edec49eaa6238ad5ff00")), file.checksums());
        assertEquals("https://sandbox.zenodo.org/api/records/107873/files/event.json/content", file.url().toString());
        assertNull(file.auth(), "open records download without credentials");
        assertEquals("10.5072/zenodo.107873", fetch.info().doi());
        assertEquals("cc-by-4.0", fetch.info().license());
        assertTrue(fetch.info().title().startsWith("Physical object urn:lsid:MfN:Ento:TESTINGDELETE"), fetch.info().title());
        assertTrue(fetch.info().citation().startsWith("Museum für Naturkunde Berlin (2024). Physical object"),
                fetch.info().citation());
        assertEquals("https://sandbox.zenodo.org/records/107873", fetch.info().landingPage(),
                "today's records name their page self_html");
    }

    @Test
    void theOctober2023ShapeGivesTheDownloadLinkAndTheBareMd5() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://doi.org/10.5281/zenodo.4589980"));
        Source.HttpSource png = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("figure.png", png.path());
        assertEquals(32594L, png.size());
        assertEquals("https://zenodo.org/api/records/4589980/files/figure.png/content", png.url().toString(),
                "links.self of this shape is the file's metadata, links.download its bytes");
        assertEquals(List.of(new Checksum("md5", "eb5e8f37583644943b86d1d9ebd4ded5")), png.checksums(),
                "the checksum came without its md5: prefix and is still Zenodo's MD5");
        assertEquals("figure.svg", fetch.sources().get(1).path());
        assertEquals("cc-by-4.0", fetch.info().license());
    }

    @Test
    void restrictedRecordIsManualWithTheTokenSteps() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, resolve("https://zenodo.org/records/13505983"));
        String text = manual.instructions().render();
        assertTrue(manual.instructions().summary().contains("is restricted"), text);
        assertTrue(text.contains("request access"), text);
        assertTrue(text.contains("ZENODO_TOKEN"), text);
        assertTrue(text.contains("medfetch add some-dataset"), text);
        assertTrue(fake.to("/api/records/13505983/files").isEmpty(), "without a token the files are not asked for");
        Resolution.Manual refused = assertInstanceOf(Resolution.Manual.class, resolve("https://zenodo.org/records/7777"));
        assertTrue(refused.instructions().summary().contains("is restricted"), refused.instructions().summary());
    }

    @Test
    void aGrantedTokenListsTheRestrictedFilesApartAndFetchesTheirContent() throws ResolveException {
        Resolver withToken = resolver(context(Map.of("ZENODO_TOKEN", "zenodo-token-123")));
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, withToken.resolve(
                entry("https://zenodo.org/records/13505983"), URI.create("https://zenodo.org/records/13505983")));
        assertEquals(ZenodoFake.GRANTED, fake.to("/api/records/13505983").get(0).getHeaders().get("Authorization"));
        assertEquals(1, fake.to("/api/records/13505983/files").size());
        Source.HttpSource file = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("Thuiller et al. - 2006 - INTERACTIONS BETWEEN ENVIRONMENT, SPECIES TRAITS, .]", file.path());
        assertEquals(557019L, file.size());
        assertEquals("md5:942d0c469322df33da20e10204197bc5", file.checksums().get(0).toString());
        assertTrue(file.url().getRawPath().endsWith("/files/Thuiller%20et%20al.%20-%202006%20-%20INTERACTIONS%20BETWEEN"
                + "%20ENVIRONMENT,%20SPECIES%20TRAITS,%20.%5D/content"), "the content link, not the entry's metadata: "
                + file.url());
        assertEquals(ZenodoResolver.NAME, file.auth());
        Resolver atZenodo = new ZenodoResolver(HostContext.pointedAt(URI.create("https://zenodo.org"), http,
                new UserConfig(Map.of("ZENODO_TOKEN", "zenodo-token-123"), home, warnings::add)));
        Authorizer.Authorized authorized = new HostAuthorizer(List.of(atZenodo)).authorize(file.auth(), file.url());
        assertEquals(Map.of("Authorization", ZenodoFake.GRANTED), authorized.headers());
        ResolveException elsewhere = assertThrows(ResolveException.class, () -> new HostAuthorizer(List.of(atZenodo))
                .authorize(ZenodoResolver.NAME, URI.create("https://example.org/steal")));
        assertTrue(elsewhere.getMessage().startsWith("refusing to send Zenodo credentials"), elsewhere.getMessage());
    }

    @Test
    void embargoedFilesAreManualStepsNotFailures() throws ResolveException {
        Resolution.Manual embargoed = assertInstanceOf(Resolution.Manual.class,
                resolve("https://zenodo.org/records/9002"));
        assertTrue(embargoed.instructions().summary().contains("under embargo until 2031-01-01"),
                embargoed.instructions().summary());
    }

    @Test
    void aTokenThatIsRefusedTheFilesStillGivesManualSteps() throws ResolveException {
        Resolver withToken = resolver(context(Map.of("ZENODO_TOKEN", "not-granted")));
        assertInstanceOf(Resolution.Manual.class, withToken.resolve(entry("https://zenodo.org/records/13505983"),
                URI.create("https://zenodo.org/records/13505983")));
        assertEquals(1, fake.to("/api/records/13505983/files").size());
    }

    @Test
    void recordedRecordGivesTitleLicenseAndCitationFromItsMetadata() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://zenodo.org/records/1200251"));
        assertEquals("Xenon", fetch.info().title());
        assertEquals("10.5281/zenodo.1200251", fetch.info().doi());
        assertEquals("Apache-2.0", fetch.info().license());
        assertTrue(fetch.info().citation().startsWith("Maassen, Jason; Verhoeven, Stefan;"), fetch.info().citation());
        assertTrue(fetch.info().citation().endsWith("(2018). Xenon. Zenodo. https://doi.org/10.5281/zenodo.1200251"),
                fetch.info().citation());
        assertEquals("NLeSC/Xenon-2.6.1.zip", fetch.sources().get(0).path());
    }
}
