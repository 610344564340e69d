package org.medfetch.resolve.mirrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogLoader;
import org.medfetch.resolve.Checksum;
import org.medfetch.TestWiring;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Source;

class MirrorSourcesTest {

    private final Catalog catalog = new CatalogLoader().bundled();
    private final MirrorSources mirrors = new MirrorSources(MirrorRegistry.bundled(), TestWiring.RESOLVERS);

    private CatalogEntry entry(String id) {
        return catalog.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private List<Source> sources(String id) throws Exception {
        Resolution r = mirrors.resolve(entry(id), mirrors.primary(entry(id)).orElseThrow());
        return ((Resolution.Fetch) r).sources();
    }

    @Test
    void msdTaskIsOneTarWithBothPublishedChecksums() throws Exception {
        List<Source> sources = sources("msd-spleen");
        assertEquals(1, sources.size());
        Source.HttpSource tar = (Source.HttpSource) sources.get(0);
        assertEquals("Task09_Spleen.tar", tar.path());
        assertEquals(List.of(new Checksum("md5", "410d4a301da4e5b2f6f86ec3ddba524e"),
                new Checksum("sha256", "dfeba347daae4fb08c38f4d243ab606b28b91b206ffc445ec55c35489fa65e60")), tar.checksums());
    }

    @Test
    void braceRangesExpandToOneFileEachWithTheirTargetPath() {
        MirrorSources.Candidate kits = mirrors.primary(entry("kits19")).orElseThrow();
        Mirror imaging = kits.rows().get(0);
        assertEquals("KiTS19 imaging (300 cases)", imaging.label());
        // The labels row is a GitHub repository, expanded by the GitHub resolver; the imaging row alone:
        MirrorSources.Candidate onlyImaging = new MirrorSources.Candidate("imaging", Mirror.Use.PRIMARY, true,
                LinkClass.HTTP, imaging.urlOrId(), List.of(imaging));
        Resolution r = assertResolves(entry("kits19"), onlyImaging);
        List<Source> files = ((Resolution.Fetch) r).sources();
        assertEquals(300, files.size());
        Source.HttpSource first = (Source.HttpSource) files.get(0);
        assertEquals("data/case_00000/imaging.nii.gz", first.path());
        assertEquals("https://huggingface.co/datasets/neheller/KiTS-Challenge-Imaging/resolve/main/images/case_00000.nii.gz",
                first.url().toString());
        assertEquals("data/case_00299/imaging.nii.gz", files.get(299).path());
    }

    private Resolution assertResolves(CatalogEntry e, MirrorSources.Candidate c) {
        try {
            return mirrors.resolve(e, c);
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void medmnistIsSixtyZenodoFilesWithMd5() throws Exception {
        List<Source> files = sources("medmnist-v2");
        assertEquals(60, files.size());
        Source.HttpSource path64 = (Source.HttpSource) files.get(1);
        assertEquals("pathmnist_64.npz", path64.path());
        assertEquals("md5:55aa9c1e0525abe5a6b9d8343a507616", path64.checksums().get(0).toString());
    }

    @Test
    void candidatesComePrimaryThenAlternativesAndOfferedOnesAreNotUsable() {
        List<MirrorSources.Candidate> verse = mirrors.candidates(entry("verse"));
        assertEquals(Mirror.Use.PRIMARY, verse.get(0).use());
        assertEquals(6, verse.get(0).rows().size());
        assertEquals(Mirror.Use.ALTERNATIVE, verse.get(1).use());
        assertEquals(3, verse.get(1).rows().size(), "the three OSF zips form one alternative");
        List<MirrorSources.Candidate> ham = mirrors.candidates(entry("ham10000"));
        assertTrue(ham.stream().anyMatch(c -> c.use() == Mirror.Use.LOW_TRUST && !c.usable()));
        assertTrue(ham.stream().anyMatch(c -> c.use() == Mirror.Use.ACCOUNT && !c.usable()));
        assertFalse(mirrors.primary(entry("idrid")).isPresent(), "a Kaggle-only mirror is not an open mirror");
    }

    @Test
    void apiRowsBecomeTheLinksTheirResolversExpand() {
        MirrorSources.Candidate lidc = mirrors.primary(entry("lidc-idri")).orElseThrow();
        assertEquals(LinkClass.API, lidc.linkClass());
        assertEquals("https://wiki.cancerimagingarchive.net/display/Public/LIDC-IDRI", lidc.link());
        assertEquals("https://zenodo.org/records/3723295", mirrors.primary(entry("luna2016")).orElseThrow().link());
        assertEquals(LinkClass.TORRENT, mirrors.primary(entry("cq500")).orElseThrow().linkClass());
    }

    @Test
    void onTheFlyZipsWithoutANameAreNamedAfterTheirLabel() throws Exception {
        MirrorSources.Candidate osf = mirrors.candidates(entry("verse")).get(1);
        List<Source> files = ((Resolution.Fetch) mirrors.resolve(entry("verse"), osf)).sources();
        assertEquals("verse-osf-train-folder-zip.zip", files.get(0).path());
    }
}
