package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;

/**
 * What every host resolver does, tested once: it accepts its own links and no other host's, and a
 * host that is missing, busy, broken or unreachable gives the error a caller can act on. A host's
 * test extends this with its fake, its links and its own shapes.
 */
abstract class ResolverContract {

    /** One or two links of every host in the bundled catalog. */
    static final List<String> EVERY_HOST = List.of(
            "https://pan.baidu.com/s/1rBuPSrmkejpYFA321er20A?pwd=6666",
            "https://aistudio.baidu.com/datasetdetail/35660",
            "https://www.kaggle.com/datasets/kmader/rsna-bone-age",
            "https://www.kaggle.com/c/siim-acrpneumothorax-segmentation",
            "https://hyper.ai/cn/datasets/5666",
            "https://orion.hyper.ai/tracker/magnet?torrent=17600",
            "https://academictorrents.com/details/47e9d8aab761e75fd0a81982fa62bddf3a173831",
            "https://www.cancerimagingarchive.net/collection/lung-pet-ct-dx/",
            "https://wiki.cancerimagingarchive.net/display/Public/RIDER+Breast+MRI",
            "https://github.com/anjany/verse",
            "https://gitee.com/neuhwm/GasHisSDB",
            "https://zenodo.org/records/7105232",
            "https://doi.org/10.5281/zenodo.1214456",
            "https://figshare.com/articles/dataset/BCN20000/24140028",
            "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/DBW86T",
            "https://opendatalab.com/OpenDataLab/HC18/tree/main",
            "https://datasets.simula.no/kvasir/",
            "https://challenge.isic-archive.com/data/#2019",
            "https://projects.ics.forth.gr/cvrl/fire/",
            "https://bmirds.github.io/MHIST/",
            "https://mega.nz/folder/UNMF2YYI#1cqJVzo4p_wESv9P_pc8uA",
            "https://www.heywhale.com/mw/dataset/5e95e3ede7ec38002d0351f6",
            "https://www.notion.so/HTTP-POST-0e0a4ca7ff594009b830b3c736964224",
            "https://msd-for-monai.s3-us-west-2.amazonaws.com/Task09_Spleen.tar");

    @TempDir
    Path home;

    MockWebServer server;
    FakeHost fake;
    Resolver resolver;
    final OkHttpClient http = new OkHttpClient();
    final java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** This host's fake. */
    abstract FakeHost fake();

    /** The resolver, its base URL pointed at the fake server. */
    abstract Resolver resolver(URI base, UserConfig user);

    /** Links this resolver owns (they must be among, or like, those of {@link #EVERY_HOST}). */
    abstract List<String> ownLinks();

    /** A link that the fake resolves into files. */
    abstract String resolvableLink();

    /** Environment for the resolver: credentials, when the host needs them. */
    Map<String, String> env() {
        return Map.of();
    }

    /** Whether the resolver reads JSON (page scrapers read HTML, where "malformed" means "no links"). */
    boolean readsJson() {
        return true;
    }

    /** Gitee turns surprises (404, a wrong answer) into manual steps instead of failing. */
    boolean manualOnSurprise() {
        return false;
    }

    @BeforeEach
    void startFake() throws IOException {
        fake = fake();
        server = new MockWebServer();
        server.setDispatcher(fake);
        server.start();
        fake.base(server.url("/"));
        resolver = resolver(URI.create(server.url("/").toString().replaceAll("/$", "")),
                new UserConfig(env(), home, warnings::add));
    }

    @AfterEach
    void stopFake() {
        server.close();
    }

    Resolution resolve(String link) throws ResolveException {
        return resolver.resolve(entry(link), URI.create(link));
    }

    static CatalogEntry entry(String link) {
        return new CatalogEntry("some-dataset", "Some Dataset", "CT", null, null, null, null, link, 1);
    }

    @Test
    void acceptsItsOwnLinks() {
        for (String link : ownLinks()) {
            assertTrue(resolver.accepts(URI.create(link)), link);
        }
    }

    @Test
    void rejectsOtherHostsLinks() {
        List<String> others = EVERY_HOST.stream().filter(l -> !ownLinks().contains(l)).toList();
        for (String link : others) {
            assertFalse(resolver.accepts(URI.create(link)), () -> resolver.name() + " accepts " + link);
        }
    }

    @Test
    void resolvesTheFakeHostIntoFiles() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(resolvableLink()));
        assertFalse(fetch.sources().isEmpty());
    }

    @Test
    void notFoundIsFatal() throws ResolveException {
        fake.answerEverything(FakeHost.status(404, "{\"message\":\"Not found\"}"));
        if (manualOnSurprise()) {
            assertInstanceOf(Resolution.Manual.class, resolve(resolvableLink()));
            return;
        }
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(resolvableLink()));
        assertFalse(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
    }

    @Test
    void rateLimitIsRetryableAndSaysWhen() {
        fake.answerEverything(new MockResponse.Builder().code(429).setHeader("Retry-After", "17").body("slow down")
                .build());
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(resolvableLink()));
        assertTrue(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains("17 s"), e.getMessage());
    }

    @Test
    void serverErrorIsRetryable() {
        fake.answerEverything(FakeHost.status(503, "{\"message\":\"maintenance\"}"));
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(resolvableLink()));
        assertTrue(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains("503"), e.getMessage());
    }

    @Test
    void malformedJsonIsAClearFatalError() throws ResolveException {
        Assumptions.assumeTrue(readsJson(), "this resolver reads HTML pages");
        fake.answerEverything(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"files\": [ this is not JSON").build());
        if (manualOnSurprise()) {
            assertInstanceOf(Resolution.Manual.class, resolve(resolvableLink()));
            return;
        }
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(resolvableLink()));
        assertFalse(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().startsWith("unexpected answer from "), e.getMessage());
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void unreachableHostIsRetryable() {
        server.close();
        ResolveException e = assertThrows(ResolveException.class, () -> resolve(resolvableLink()));
        assertTrue(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot reach "), e.getMessage());
    }
}
