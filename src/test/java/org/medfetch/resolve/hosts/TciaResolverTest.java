package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class TciaResolverTest extends ResolverContract {

    static final String LUNG = "https://www.cancerimagingarchive.net/collection/lung-pet-ct-dx/";
    static final String CT = "1.3.6.1.4.1.14519.5.2.1.6655.2359.101000003245454389766355034585";
    static final String PET = "1.3.6.1.4.1.14519.5.2.1.6655.2359.168326653468521049193633925711";

    @Override
    protected FakeHost fake() {
        return new TciaFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new TciaResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of(LUNG, "https://wiki.cancerimagingarchive.net/display/Public/RIDER+Breast+MRI");
    }

    @Override
    protected String resolvableLink() {
        return LUNG;
    }

    @Test
    void eachSeriesIsOneZipAndTheManifestListsThem() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(LUNG));
        assertEquals("Lung-PET-CT-Dx", fake.to("/getSeries").get(0).getUrl().queryParameter("Collection"),
                "the slug is matched to NBIA's case-sensitive name");
        Source.HttpSource first = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(CT + ".zip", first.path());
        assertEquals(fake.base() + "getImage?NewFileNames=Yes&SeriesInstanceUID=" + CT, first.url().toString());
        assertNull(first.size(), "FileSize counts the DICOM files, not the zip");
        assertNull(first.auth());
        assertEquals(PET + ".zip", fetch.sources().get(1).path());
        assertEquals(Map.of("Lung-PET-CT-Dx.tcia", """
                downloadServerUrl=https://public.cancerimagingarchive.net/nbia-download/servlet/DownloadServlet
                includeAnnotation=true
                noOfrRetry=4
                databasketId=manifest-medfetch-lung-pet-ct-dx.tcia
                manifestVersion=3.0
                ListOfSeriesToDownload=
                %s
                %s
                """.formatted(CT, PET)), fetch.sidecars());
        assertEquals("Creative Commons Attribution 4.0 International License (https://creativecommons.org/licenses/by/4.0/)",
                fetch.info().license());
        assertEquals("Lung-PET-CT-Dx", fetch.info().title());
        assertTrue(fetch.notes().summary().contains("2 series, 54168820 bytes of DICOM"), fetch.notes().summary());
    }

    @Test
    void wikiAndSlugNamesMatchWhateverTheirCaseAndPunctuation() throws ResolveException {
        resolve("https://wiki.cancerimagingarchive.net/display/Public/RIDER+Breast+MRI");
        resolve("https://www.cancerimagingarchive.net/collection/qinbreast/");
        assertEquals(List.of("RIDER Breast MRI", "QIN-BREAST"), fake.to("/getSeries").stream()
                .map(r -> r.getUrl().queryParameter("Collection")).toList());
    }

    @Test
    void pageIdLinkIsManualWithSearchSteps() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://wiki.cancerimagingarchive.net/pages/viewpage.action?pageId=24284539"));
        assertTrue(manual.instructions().render().contains("browse-collections"), manual.instructions().render());
        assertTrue(fake.requests.isEmpty());
    }

    @Test
    void collectionsNbiaDoesNotServeAreManual() throws ResolveException {
        assertInstanceOf(Resolution.Manual.class,
                resolve("https://www.cancerimagingarchive.net/collection/some-pathology-only/"));
        Resolution.Manual empty = assertInstanceOf(Resolution.Manual.class,
                resolve("https://www.cancerimagingarchive.net/collection/4d-lung/"));
        assertTrue(empty.instructions().summary().contains("4D-Lung"), empty.instructions().summary());
    }

    @Test
    void analysisResultsAndOtherWikiSpacesAreTciaManualStepsAndTheOfflineClassSaysSo() throws ResolveException {
        for (String link : List.of("https://www.cancerimagingarchive.net/analysis-result/pseudo-phi-dicom-data/",
                "https://wiki.cancerimagingarchive.net/display/NLST/National+Lung+Screening+Trial",
                "https://wiki.cancerimagingarchive.net/pages/viewpage.action?pageId=24284539")) {
            assertEquals(LinkClass.MANUAL, resolver.classify(entry(link), URI.create(link)).linkClass(), link);
            Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, resolve(link), link);
            assertTrue(manual.instructions().render().contains(link), manual.instructions().render());
        }
        assertTrue(fake.requests.isEmpty());
    }
}
