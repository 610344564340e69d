package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class DataverseResolverTest extends ResolverContract {

    static final String HAM = "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/DBW86T";
    /** A dataset whose answers are recorded (a Dataverse 6 test installation). */
    static final String RECORDED = "https://demo.dataverse.org/dataset.xhtml?persistentId=doi:10.5072/FK2/GCN7US";

    @Override
    protected FakeHost fake() {
        return new DataverseFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new DataverseResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of(HAM);
    }

    @Override
    protected String resolvableLink() {
        return RECORDED;
    }

    @Test
    void recordedListingBecomesItsFilesFromTheAccessApiWithMd5() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(RECORDED));
        assertEquals(List.of("screenshot.png", "396944036-79689c96-38e6-49e4-b22d-773953a40e4c.png"),
                fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource png = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(fake.base() + "api/access/datafile/4", png.url().toString());
        assertEquals(272314L, png.size());
        assertEquals("md5:13035cba04a51f54dd8101fe726cda5c", png.checksums().get(0).toString());
        assertEquals(List.of(), fetch.needsPerson());
        assertEquals("sample dataset 3", fetch.info().title());
        assertEquals("CC0 1.0", fetch.info().license());
        assertEquals("10.5072/FK2/GCN7US", fetch.info().doi());
    }

    @Test
    void embargoedFilesAreLeftToAPersonWithTheirDateNotQueued() throws ResolveException {
        String link = "https://demo.dataverse.org/dataset.xhtml?persistentId=doi:10.5072/FK2/EMBARG";
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(link));
        assertEquals(List.of("396944036-79689c96-38e6-49e4-b22d-773953a40e4c.png"),
                fetch.sources().stream().map(Source::path).toList(), "an embargoed file cannot be downloaded yet");
        assertEquals(List.of("screenshot.png"), fetch.needsPerson());
        String text = fetch.notes().render();
        assertTrue(text.contains("screenshot.png") && text.contains("embargo") && text.contains("2099-09-05"), text);
        assertFalse(text.contains("Request access"), "an embargo takes no access request: " + text);
    }

    @Test
    void anEmbargoThatHasEndedNoLongerHoldsTheFileBack() {
        DataverseApi.FileEntry file = new DataverseApi.FileEntry("a.csv", null, false, new DataverseApi.DataFile(1L,
                "a.csv", 1L, null, null, null, null, new DataverseApi.Embargo("2025-06-30", "paper under review")));
        assertEquals("2025-06-30", file.embargoedUntil(java.time.LocalDate.of(2025, 6, 29)));
        assertEquals(null, file.embargoedUntil(java.time.LocalDate.of(2025, 6, 30)));
    }

    @Test
    void filesComeFromTheAccessApiWithChecksumsAndFolders() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(HAM));
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("HAM10000_images_part_1.zip", zip.path());
        assertEquals(fake.base() + "api/access/datafile/3172585", zip.url().toString());
        assertEquals(1581474063L, zip.size());
        assertEquals("md5:02a3a0c5d1b3e5f7a9c1e3f5a7c9e1f3", zip.checksums().get(0).toString());
        Source.HttpSource table = (Source.HttpSource) fetch.sources().get(1);
        assertEquals("metadata/HAM10000_metadata.csv", table.path(), "the original upload, in its folder");
        assertEquals(fake.base() + "api/access/datafile/4338392?format=original", table.url().toString());
        assertEquals(563277L, table.size());
        assertEquals(List.of(), table.checksums(), "the published checksum is the .tab derivative's, not the original's");
        assertEquals("The HAM10000 dataset, a large collection of multi-source dermatoscopic images of common "
                + "pigmented skin lesions", fetch.info().title());
        assertEquals("10.7910/DVN/DBW86T", fetch.info().doi());
        assertEquals("CC BY-NC 4.0", fetch.info().license());
        assertEquals(HAM, fetch.info().landingPage());
    }

    @Test
    void publicFilesAreQueuedAndOnlyTheRestrictedOnesNeedAPerson() throws ResolveException {
        String link = "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/RESTR";
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(link));
        assertEquals(List.of("open.csv"), fetch.sources().stream().map(Source::path).toList());
        assertEquals(List.of("patients.csv"), fetch.needsPerson());
        String text = fetch.notes().render();
        assertTrue(text.contains("Open " + link) && text.contains("patients.csv"), text);
    }

    @Test
    void anyInstallationByLinkShapeAndOneFilesPage() throws ResolveException {
        String citation = "https://data.goettingen-research-online.de/citation?persistentId=doi:10.25625/DBW86T";
        assertTrue(resolver.accepts(URI.create(citation)));
        assertEquals(2, assertInstanceOf(Resolution.Fetch.class, resolve(citation)).sources().size());
        String file = "https://borealisdata.ca/file.xhtml?persistentId=doi:10.5683/SP3/DBW86T/ZIP1";
        Resolution.Fetch one = assertInstanceOf(Resolution.Fetch.class, resolve(file));
        assertEquals(List.of("HAM10000_images_part_1.zip"), one.sources().stream().map(Source::path).toList());
        assertEquals(1, fake.to("/api/files/:persistentId").size());
        assertFalse(resolver.accepts(URI.create("https://dataverse.harvard.edu/dataverse/harvard")),
                "a collection page is a page");
    }

    @Test
    void guestbookNeedsAPerson() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/GUEST"));
        assertTrue(manual.instructions().render().contains("guestbook"), manual.instructions().render());
    }

    @Test
    void termsAnswerNeedsAPerson() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/TERMS"));
        assertTrue(manual.instructions().render().contains("accept the terms"), manual.instructions().render());
    }
}
