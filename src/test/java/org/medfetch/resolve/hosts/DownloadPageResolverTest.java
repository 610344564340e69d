package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class DownloadPageResolverTest extends ResolverContract {

    static final String KVASIR = "https://datasets.simula.no/kvasir/";

    @Override
    protected FakeHost fake() {
        return new DownloadPageFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new DownloadPageResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of(KVASIR, "https://challenge.isic-archive.com/data/#2019", "https://projects.ics.forth.gr/cvrl/fire/");
    }

    @Override
    protected String resolvableLink() {
        return KVASIR;
    }

    @Override
    protected boolean readsJson() {
        return false;
    }

    private static List<String> urls(Resolution.Fetch fetch) {
        return fetch.sources().stream().map(s -> ((Source.HttpSource) s).url().toString()).toList();
    }

    @Test
    void archiveLinksAreResolvedAgainstThePageOncePerFile() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(KVASIR));
        assertEquals(List.of("https://datasets.simula.no/downloads/kvasir/kvasir-dataset.zip",
                fake.base() + "downloads/kvasir/kvasir-dataset-v2.zip",
                fake.base() + "downloads/kvasir/kvasir-dataset-v2-features.zip"), urls(fetch));
        assertEquals(List.of("kvasir-dataset.zip", "kvasir-dataset-v2.zip", "kvasir-dataset-v2-features.zip"),
                fetch.sources().stream().map(Source::path).toList());
    }

    @Test
    void fragmentKeepsTheArchivesOfThatPart() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://challenge.isic-archive.com/data/#2019"));
        assertEquals(List.of("https://isic-challenge-data.s3.amazonaws.com/2019/ISIC_2019_Training_Input.zip",
                "https://isic-challenge-data.s3.amazonaws.com/2019/Training_GroundTruth.zip"), urls(fetch));
    }

    @Test
    void archivesOfOneNameKeepApartUnderTheirFolder() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://challenge.isic-archive.com/data/"));
        assertEquals(List.of("ISIC2018_Task3_Training_Input.zip", "Training_GroundTruth.zip",
                "ISIC_2019_Training_Input.zip", "2019/Training_GroundTruth.zip"),
                fetch.sources().stream().map(Source::path).toList());
    }

    @Test
    void relativeSevenZipLinkOnFire() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://projects.ics.forth.gr/cvrl/fire/"));
        assertEquals(List.of(fake.base() + "cvrl/fire/FIRE.7z"), urls(fetch));
    }

    @Test
    void pageWithoutArchivesIsManual() throws ResolveException {
        assertInstanceOf(Resolution.Manual.class, resolve("https://datasets.simula.no/hyper-kvasir/"));
    }
}
