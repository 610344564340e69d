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
        return List.of("https://zenodo.org/records/7105232", "https://doi.org/10.5281/zenodo.1214456");
    }

    @Override
    protected String resolvableLink() {
        return "https://zenodo.org/records/7105232";
    }

    @Test
    void recordBecomesFilesWithSizesMd5AndTheRecordsInfo() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://zenodo.org/records/7105232"));
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("OLIVES.zip", zip.path());
        assertEquals(34816745231L, zip.size());
        assertEquals(List.of(new Checksum("md5", "6e1d3c8a0f5b2a7c9d4e1f0a3b5c7d9e")), zip.checksums());
        assertEquals(fake.base() + "api/records/7105232/files/OLIVES.zip/content", zip.url().toString());
        assertNull(zip.auth(), "open records download without credentials");
        assertEquals("labels.csv", fetch.sources().get(1).path());
        assertEquals("OLIVES Dataset: Ophthalmic Labels for Investigating Visual Eye Semantics", fetch.info().title());
        assertEquals("10.5281/zenodo.7105232", fetch.info().doi());
        assertEquals("cc-by-4.0", fetch.info().license());
        assertEquals("Prabhushankar, Mohit; Kokilepersaud, Kiran (2022). OLIVES Dataset: Ophthalmic Labels for "
                + "Investigating Visual Eye Semantics. Zenodo. https://doi.org/10.5281/zenodo.7105232", fetch.info().citation());
        assertEquals(fake.base() + "records/7105232", fetch.info().landingPage());
    }

    @Test
    void doiLinkAndOlderFieldNamesAreRead() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://doi.org/10.5281/zenodo.1214456"));
        Source.HttpSource file = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("NCT-CRC-HE-100K.zip", file.path());
        assertEquals(11690284003L, file.size());
        assertEquals("md5:035777cf327776a71a05c95da6d6325f", file.checksums().get(0).toString());
        assertEquals(fake.base() + "record/1214456/files/NCT-CRC-HE-100K.zip", file.url().toString());
        assertEquals("CC-BY-4.0", fetch.info().license());
    }

    @Test
    void emptyFileListFallsBackToTheFilesEndpoint() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://zenodo.org/records/5555"));
        Source.HttpSource file = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("pathmnist_224.npz", file.path());
        assertEquals(fake.base() + "api/records/5555/files/pathmnist_224.npz", file.url().toString());
        assertEquals(1, fake.to("/api/records/5555/files").size());
    }

    @Test
    void restrictedRecordIsManualWithTheTokenSteps() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, resolve("https://zenodo.org/records/7777"));
        String text = manual.instructions().render();
        assertTrue(text.contains("request access"), text);
        assertTrue(text.contains("ZENODO_TOKEN"), text);
        assertTrue(text.contains("medfetch add some-dataset"), text);
    }

    @Test
    void tokenOpensRestrictedRecordsAndTheirFilesNeedIt() throws ResolveException {
        Resolver withToken = resolver(context(Map.of("ZENODO_TOKEN", "zenodo-token-123")));
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                withToken.resolve(entry("https://zenodo.org/records/8888"), URI.create("https://zenodo.org/records/8888")));
        assertEquals("Bearer zenodo-token-123", fake.to("/api/records/8888").get(0).getHeaders().get("Authorization"));
        Source.HttpSource file = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(ZenodoResolver.NAME, file.auth());
        Authorizer.Authorized authorized = new HostAuthorizer(List.of(withToken)).authorize(file.auth(), file.url());
        assertEquals(Map.of("Authorization", "Bearer zenodo-token-123"), authorized.headers());
        ResolveException elsewhere = assertThrows(ResolveException.class, () -> new HostAuthorizer(List.of(withToken))
                .authorize(ZenodoResolver.NAME, URI.create("https://example.org/steal")));
        assertTrue(elsewhere.getMessage().startsWith("refusing to send Zenodo credentials"), elsewhere.getMessage());
    }

    @Test
    void restrictedOrEmbargoedFilesAreManualStepsNotFailures() throws ResolveException {
        Resolution.Manual restricted = assertInstanceOf(Resolution.Manual.class,
                resolve("https://zenodo.org/records/9001"));
        assertTrue(restricted.instructions().summary().contains("is restricted"), restricted.instructions().summary());
        Resolution.Manual embargoed = assertInstanceOf(Resolution.Manual.class,
                resolve("https://zenodo.org/records/9002"));
        assertTrue(embargoed.instructions().summary().contains("under embargo until 2031-01-01"),
                embargoed.instructions().summary());
    }

    @Test
    void aTokenThatIsRefusedTheFilesStillGivesManualSteps() throws ResolveException {
        Resolver withToken = resolver(context(Map.of("ZENODO_TOKEN", "zenodo-token-123")));
        assertInstanceOf(Resolution.Manual.class, withToken.resolve(entry("https://zenodo.org/records/9001"),
                URI.create("https://zenodo.org/records/9001")));
        assertEquals(1, fake.to("/api/records/9001/files").size());
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
