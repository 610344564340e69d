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
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class GitHubResolverTest extends ResolverContract {

    static final String VERSE = "https://github.com/anjany/verse";
    /** A repository whose answers are recorded. */
    static final String SOROCARBON = "https://github.com/stellarcarbon/sorocarbon";

    @Override
    protected FakeHost fake() {
        return new GitHubFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new GitHubResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of(VERSE, SOROCARBON);
    }

    @Override
    protected String resolvableLink() {
        return SOROCARBON + "?tab=readme-ov-file";
    }

    @Test
    void recordedReleaseGivesItsAssetWithSizeAndSha256() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(SOROCARBON));
        assertEquals(List.of("sink-carbon_v0.3.0.wasm"), fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource wasm = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(4945L, wasm.size());
        assertEquals("sha256:2e4ca075988921c6c8bf01cc9e7bd4530830898f47346f1945cad930b7dfdf4d",
                wasm.checksums().get(0).toString());
        assertEquals("https://github.com/stellarcarbon/sorocarbon/releases/download/"
                + "v0.3.0__src_sink_carbon__sink-carbon_cli22.0.1/sink-carbon_v0.3.0.wasm", wasm.url().toString());
        assertTrue(fetch.notes().summary().contains("release v0.3.0__src_sink_carbon__sink-carbon_cli22.0.1"),
                fetch.notes().summary());
        assertEquals("stellarcarbon/sorocarbon", fetch.info().title());
        assertEquals("MIT", fetch.info().license());
    }

    @Test
    void recordedRepositoryWithoutReleasesIsItsDefaultBranchArchive() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://github.com/octokit-fixture-org/hello-world"));
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("hello-world-master.zip", zip.path());
        assertEquals("https://github.com/octokit-fixture-org/hello-world/archive/refs/heads/master.zip",
                zip.url().toString());
        assertTrue(fetch.notes().summary().contains("https://github.com/octokit-fixture-org/hello-world#readme"),
                fetch.notes().summary());
        assertEquals("octokit-fixture-org/hello-world", fetch.info().title());
        assertNull(fetch.info().license(), "the repository names no license");
    }

    @Test
    void recordedFolderOfARenamedRepositoryFollowsTheRedirect() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://github.com/twbs/bootstrap/tree/main/js"));
        assertEquals(List.of("index.esm.js", "index.umd.js"), fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource esm = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("https://raw.githubusercontent.com/twbs/bootstrap/main/js/index.esm.js", esm.url().toString());
        assertEquals(907L, esm.size());
        assertEquals(1, fake.to("/repositories/2126244/contents/js").size(), "the redirect was followed");
        assertEquals(List.of("/repos/twbs/bootstrap/contents/js/dist", "/repos/twbs/bootstrap/contents/js/src",
                "/repos/twbs/bootstrap/contents/js/tests"), fake.requests.stream().map(r -> r.getUrl().encodedPath())
                .filter(p -> p.startsWith("/repos/twbs/bootstrap/contents/js/")).toList(), "each sub-folder listed");
    }

    @Test
    void treeLinkTakesThatBranchWithoutLookingAtReleases() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(VERSE + "/tree/v2"));
        assertEquals("verse-v2.zip", fetch.sources().get(0).path());
        assertTrue(fake.to("/repos/anjany/verse/releases").isEmpty());
    }

    @Test
    void fileLinksAreDownloadedAsTheyAre() throws ResolveException {
        String link = "https://github.com/stardist/stardist/releases/download/0.1.0/dsb2018.zip";
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(link));
        assertEquals(link, ((Source.HttpSource) fetch.sources().get(0)).url().toString());
        assertTrue(fake.requests.isEmpty());
    }

    @Test
    void usedUpRateLimitIsRetryableAndNamesTheToken() {
        ResolveException e = assertThrows(ResolveException.class, () -> resolve("https://github.com/busy/repo"));
        assertTrue(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains("GITHUB_TOKEN") && e.getMessage().contains("2026-01-01T00:00:00Z"),
                e.getMessage());
    }

    @Test
    void tokenIsSentWhenSet() throws ResolveException {
        resolver(context(Map.of("GITHUB_TOKEN", "ghp_example")))
                .resolve(entry(VERSE), URI.create(VERSE));
        assertEquals("Bearer ghp_example", fake.to("/repos/anjany/verse").get(0).getHeaders().get("Authorization"));
    }

    @Test
    void blobOfADataFileIsThatOneRawFileAndOfADocumentAPage() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve(VERSE + "/blob/main/data/labels.csv"));
        assertEquals(List.of("labels.csv"), fetch.sources().stream().map(Source::path).toList());
        assertEquals("https://github.com/anjany/verse/raw/main/data/labels.csv",
                ((Source.HttpSource) fetch.sources().get(0)).url().toString());
        String readme = VERSE + "/blob/main/README.md";
        assertEquals(LinkClass.MANUAL, resolver.classify(entry(readme), URI.create(readme)).linkClass());
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, resolve(readme));
        assertTrue(manual.instructions().summary().contains("documentation page"), manual.instructions().summary());
        assertTrue(fake.requests.isEmpty(), "neither asks for the whole repository");
    }

    @Test
    void treeOfAFolderIsThatFolderOnly() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(VERSE + "/tree/main/docs"));
        assertEquals(List.of("labels.csv", "sub/mask.nii.gz"), fetch.sources().stream().map(Source::path).toList());
        assertEquals("https://raw.githubusercontent.com/anjany/verse/main/docs/sub/mask.nii.gz",
                ((Source.HttpSource) fetch.sources().get(1)).url().toString());
        assertEquals("main", fake.to("/repos/anjany/verse/contents/docs").get(0).getUrl().queryParameter("ref"));
        assertTrue(fake.to("/repos/anjany/verse").isEmpty() && fake.to("/repos/anjany/verse/releases").isEmpty());
    }
}
