package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * CKAN portals on package_show answers: demo.ckan.org's recorded answer (api/ckan/README.md), a dataset with
 * every kind of resource, CKAN's own refusals, and a site at /dataset/ that is not CKAN at all.
 */
class CkanResolverTest extends ResolverContract {

    static final String DEMO = "https://demo.ckan.org/dataset/100-validated-species-of-plants";
    static final String MD5 = "0123456789abcdef0123456789abcdef";
    static final String SHA256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Override
    protected FakeHost fake() {
        return new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest request, HttpUrl url) {
                if (url.encodedPath().endsWith("/api/3/action/package_show")) {
                    return switch (String.valueOf(url.queryParameter("id"))) {
                        case "100-validated-species-of-plants" -> json("ckan/package-100-validated-species-of-plants.json");
                        case "brain-scans" -> status(200, text("ckan/package-scans.json").replace("HASH_SCANS", MD5)
                                .replace("HASH_MASKS", SHA256));
                        case "brain-private" -> status(403, text("ckan/private.json"));
                        case "missing" -> status(404, text("ckan/not-found.json"));
                        default -> new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html")
                                .body("<html>Page not found</html>").build();
                    };
                }
                return url.encodedPath().equals("/dataset/not-ckan") ? html("<html>Our dataset</html>") : null;
            }
        };
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new CkanResolver(context);
    }

    @Override
    protected String resolvableLink() {
        return DEMO;
    }

    @Test
    void theRecordedDemoDatasetGivesItsUploadOnThePortal() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(DEMO));
        Source.HttpSource csv = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("validated_100_species.csv", csv.path());
        assertNull(csv.size(), "the recording gives no size");
        assertTrue(csv.checksums().isEmpty(), "nor a hash");
        assertEquals(fake.base().host(), csv.url().getHost(), "an upload is kept on the chosen endpoint");
        assertTrue(csv.url().getPath().endsWith("/download/validated_100_species.csv"), csv.url().toString());
        assertEquals("100 Validated Species of Plants", fetch.info().title());
        assertEquals("Other (Open)", fetch.info().license());
    }

    @Test
    void uploadsDumpsAndDataLinksAreFilesWithTheirChecksumsAndPagesAreNotes() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://data.example.org/dataset/brain-scans"));
        assertEquals(List.of("scans.zip", "labels.csv", "masks.tar.gz"), fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(300000L, zip.size());
        assertEquals("md5:" + MD5, zip.checksums().get(0).toString());
        assertEquals("sha256:" + SHA256, ((Source.HttpSource) fetch.sources().get(2)).checksums().get(0).toString());
        assertTrue(fetch.notes().render().contains("Project page: https://lab.example.edu/brain-scans/"),
                fetch.notes().render());
    }

    @Test
    void aResourceLinkKeepsThatResourceAndTheApiIsAskedBelowTheInstallPath() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://open.example.ca/data/en/"
                + "dataset/brain-scans/resource/1d2e3f4a-5b6c-7d8e-9f0a-1b2c3d4e5f6a"));
        assertEquals(List.of("labels.csv"), fetch.sources().stream().map(Source::path).toList());
        assertEquals(1, fake.to("/data/api/3/action/package_show").size(), "the language is not part of the API's path");
    }

    @Test
    void ckansOwnRefusalsAreStepsOrFatal() throws ResolveException {
        String steps = assertInstanceOf(Resolution.Manual.class, resolve("https://data.example.org/dataset/brain-private"))
                .instructions().render();
        assertTrue(steps.contains("private CKAN dataset"), steps);
        ResolveException missing = assertThrows(ResolveException.class,
                () -> resolve("https://data.example.org/dataset/missing"));
        assertFalse(missing.retryable());
        assertTrue(missing.getMessage().contains("CKAN has nothing at") && missing.getMessage().contains("404"),
                missing.getMessage());
    }

    @Test
    void aSiteThatDoesNotAnswerAsCkanIsTheWebPageItIs() throws ResolveException {
        String steps = assertInstanceOf(Resolution.Manual.class, resolve("https://lab.example.edu/dataset/not-ckan"))
                .instructions().render();
        assertTrue(steps.contains("find the download on it"), steps);
    }

    /** Not CKAN's JSON: the link is then what a probe of it says (here a file), not a broken CKAN. */
    @Test
    @Override
    public void malformedJsonIsAClearFatalError() throws ResolveException {
        fake.answerEverything(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"files\": [ this is not JSON").build());
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(DEMO));
        assertTrue(fetch.sources().get(0).path().equals("100-validated-species-of-plants"), fetch.sources().toString());
    }

    /**
     * {@code /dataset/<name>} is a shape other sites use too: of every other host's example links, the only one
     * it matches is Papers with Code's, which the registry gives to its own host (asked before the software
     * hosts). A new overlap fails here, so it is looked at.
     */
    @Test
    @Override
    public void rejectsOtherHostsLinks() {
        java.util.List<String> matched = EVERY_HOST.stream().filter(l -> !resolver.host().examples().contains(l)
                && resolver.accepts(URI.create(l))).toList();
        assertEquals(List.of("https://paperswithcode.com/dataset/fire"), matched);
        org.medfetch.resolve.Resolvers registry = new org.medfetch.resolve.Resolvers(org.medfetch.Hosts.all(context(java.util.Map.of())));
        assertEquals("info-page", registry.owner(URI.create(matched.get(0))).orElseThrow().name());
    }

    @Test
    void otherPlatformsIdsAndOtherShapesAreNotCkans() {
        assertFalse(resolver.accepts(URI.create("https://tianchi.aliyun.com/dataset/90694")));
        assertFalse(resolver.accepts(URI.create("https://www.heywhale.com/mw/dataset/5e95e3ede7ec38002d0351f6")));
        assertFalse(resolver.accepts(URI.create("https://example.org/dataset/versions/1.0.0")));
        assertFalse(resolver.accepts(URI.create("https://atlas-challenge.u-bourgogne.fr/dataset")));
        assertTrue(resolver.accepts(URI.create("https://open.example.ca/data/en/dataset/brain-scans")));
    }
}
