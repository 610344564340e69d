package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class FigshareResolverTest extends ResolverContract {

    static final String BCN = "https://figshare.com/articles/dataset/BCN20000/24140028";

    @Override
    protected FakeHost fake() {
        return new FigshareFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new FigshareResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of(BCN);
    }

    @Override
    protected String resolvableLink() {
        return BCN;
    }

    @Test
    void filesComeWithComputedMd5AndLinkOnlyFilesAreNamedInTheNotes() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(BCN));
        assertEquals(2, fetch.sources().size());
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("BCN20000_train.zip", zip.path());
        assertEquals(12234567890L, zip.size());
        assertEquals("https://ndownloader.figshare.com/files/42290322", zip.url().toString());
        assertEquals("md5:9b2f0c1d7e6a5b4c3d2e1f0a9b8c7d6e", zip.checksums().get(0).toString());
        Source.HttpSource csv = (Source.HttpSource) fetch.sources().get(1);
        assertEquals("md5:00000000000000000000000000000000", csv.checksums().get(0).toString(),
                "the uploader's MD5 when Figshare computed none");
        assertTrue(fetch.notes().steps().get(0).contains("ISIC Archive: https://www.isic-archive.com/"), fetch.notes().render());
        assertEquals("BCN20000: Dermoscopic Lesions in the Wild", fetch.info().title());
        assertEquals("10.6084/m9.figshare.24140028.v1", fetch.info().doi());
        assertEquals("CC BY 4.0", fetch.info().license());
        assertTrue(fetch.info().citation().startsWith("Hernández-Pérez, Carlos"), fetch.info().citation());
    }

    @Test
    void fileQueryKeepsOneFile() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(BCN + "?file=42290325"));
        assertEquals(List.of("BCN20000_metadata.csv"), fetch.sources().stream().map(Source::path).toList());
    }

    @Test
    void articleOfOnlyLinksIsManual() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://figshare.com/articles/dataset/x/4444"));
        assertTrue(manual.instructions().render().contains("https://lab.example.org/data"));
    }

    @Test
    void pagesThroughLongFileLists() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://figshare.com/articles/dataset/slides/9999"));
        assertEquals(FigshareFake.BIG, fetch.sources().size());
        assertEquals("slide_1000.svs", fetch.sources().get(FigshareFake.BIG - 1).path());
        assertEquals(2, fake.to("/articles/9999/files").size());
    }

    @Test
    void doiWithAVersionResolvesThatVersionsFiles() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://doi.org/10.6084/m9.figshare.14763051.v1"));
        assertEquals(List.of("tiny-data.txt", "store.zip"), fetch.sources().stream().map(Source::path).toList());
        assertEquals("md5:70e2afd3fd7e336ae478b1e740a5f08e",
                ((Source.HttpSource) fetch.sources().get(0)).checksums().get(0).toString());
        assertEquals(1, fake.to("/articles/14763051/versions/1").size(), "the version the DOI names");
        assertEquals("10.6084/m9.figshare.14763051.v1", fetch.info().doi());
    }

    @Test
    void doiWithoutAVersionAndPortalLinksUseTheSameApi() throws ResolveException {
        for (String link : List.of("https://doi.org/10.6084/m9.figshare.14763051",
                "https://figshare.manchester.ac.uk/articles/dataset/Test_data/14763051",
                "https://rdr.ucl.ac.uk.figshare.com/articles/dataset/Test_data/14763051")) {
            assertTrue(resolver.accepts(URI.create(link)), link);
            Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(link));
            assertEquals(2, fetch.sources().size(), link);
        }
        assertFalse(resolver.accepts(URI.create("https://doi.org/10.5061/dryad.abc123")));
    }

    @Test
    void collectionListsEveryArticlesFilesInAFolderEach() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://figshare.com/collections/Pooch_test_data/5555555"));
        assertEquals(List.of("14763051/tiny-data.txt", "14763051/store.zip"),
                fetch.sources().stream().map(Source::path).toList());
    }

    @Test
    void privateLinkIsManualOffline() throws ResolveException {
        String link = "https://figshare.com/s/865e694ad06d5857db4b";
        assertEquals(LinkClass.MANUAL, resolver.classify(entry(link), URI.create(link)).linkClass());
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, resolve(link));
        assertTrue(manual.instructions().render().contains("Open " + link), manual.instructions().render());
        assertTrue(fake.requests.isEmpty());
    }

    @Test
    void aPortalOnItsOwnDomainIsKnownByFigsharesPathShapeAndAskedOfTheSameApi() throws ResolveException {
        String portal = "https://rdr.ucl.ac.uk/articles/dataset/BCN20000/24140028";
        assertTrue(resolver.accepts(URI.create(portal)));
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(portal));
        assertEquals("BCN20000_train.zip", fetch.sources().get(0).path());
        Resolution.Fetch version = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://rdr.ucl.ac.uk/articles/dataset/Some_slug/14763051/1"));
        assertFalse(version.sources().isEmpty());
        assertEquals(1, fake.to("/articles/14763051/versions/1").size(), "the version in the path is asked for");
    }

    @Test
    void aPortalFileLinkIsTheFileItself() throws ResolveException {
        String file = "https://rdr.ucl.ac.uk/ndownloader/files/47779282";
        assertEquals(LinkClass.HTTP, resolver.classify(entry(file), URI.create(file)).linkClass());
        Source.HttpSource source = (Source.HttpSource) assertInstanceOf(Resolution.Fetch.class, resolve(file)).sources().get(0);
        assertEquals(file, source.url().toString());
    }

    @Test
    void anotherSitesPageOfTheSameShapeIsLeftToTheWebPage() throws ResolveException {
        String page = fake.base() + "articles/dataset/a-page/777";
        assertInstanceOf(Resolution.Manual.class, resolve(page));
        assertFalse(resolver.accepts(URI.create("https://www.example.org/articles/news/some-slug/123")),
                "news is not a figshare item type");
        assertFalse(resolver.accepts(URI.create("https://f1000research.com/articles/6-93/v2")));
    }
}
