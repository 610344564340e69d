package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
        return List.of(VERSE);
    }

    @Override
    protected String resolvableLink() {
        return VERSE + "?tab=readme-ov-file";
    }

    @Test
    void repositoryWithoutReleasesIsItsDefaultBranchArchive() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(VERSE + "?tab=readme-ov-file"));
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("verse-main.zip", zip.path());
        assertEquals("https://github.com/anjany/verse/archive/refs/heads/main.zip", zip.url().toString());
        assertTrue(fetch.notes().summary().contains("https://github.com/anjany/verse#readme"), fetch.notes().summary());
        assertEquals("anjany/verse", fetch.info().title());
        assertEquals("CC-BY-SA-4.0", fetch.info().license());
    }

    @Test
    void latestStableReleaseAssetsWithSizesAndDigests() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://github.com/stardist/stardist"));
        assertEquals(List.of("dsb2018.zip", "README.txt"), fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(34567890L, zip.size());
        assertEquals("https://github.com/stardist/stardist/releases/download/0.1.0/dsb2018.zip", zip.url().toString());
        assertEquals("sha256:4f2a1c0b9e8d7c6b5a493827160f5e4d3c2b1a0918273645546372819a0b1c2d",
                zip.checksums().get(0).toString());
        assertTrue(fetch.notes().summary().contains("release 0.1.0"), fetch.notes().summary());
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
