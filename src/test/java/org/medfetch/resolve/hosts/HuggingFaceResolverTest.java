package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class HuggingFaceResolverTest extends ResolverContract {

    @Override
    protected FakeHost fake() {
        return new HuggingFaceFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new HuggingFaceResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of("https://huggingface.co/datasets/nyu-mll/glue", "https://huggingface.co/datasets/nyu-mll/glue/tree/main/ax",
                "https://huggingface.co/google-bert/bert-base-uncased", "https://huggingface.co/datasets/squad",
                "https://hf.co/datasets/nyu-mll/glue/blob/main/ax/test-00000-of-00001.parquet",
                "https://huggingface.co/datasets/nyu-mll/glue/viewer");
    }

    @Override
    protected String resolvableLink() {
        return "https://huggingface.co/datasets/nyu-mll/glue";
    }

    @Test
    void linkShapesNameTheRepositoryRevisionAndPath() {
        assertEquals(new HuggingFaceResolver.Repo(true, "nyu-mll/glue", "main", null, false),
                HuggingFaceResolver.Repo.of(URI.create("https://huggingface.co/datasets/nyu-mll/glue")));
        assertEquals(new HuggingFaceResolver.Repo(true, "nyu-mll/glue", "v1", "ax", false),
                HuggingFaceResolver.Repo.of(URI.create("https://huggingface.co/datasets/nyu-mll/glue/tree/v1/ax")));
        assertEquals(new HuggingFaceResolver.Repo(true, "squad", "main", "a/b.json", true),
                HuggingFaceResolver.Repo.of(URI.create("https://huggingface.co/datasets/squad/resolve/main/a/b.json")));
        assertEquals(new HuggingFaceResolver.Repo(false, "google-bert/bert-base-uncased", "main", null, false),
                HuggingFaceResolver.Repo.of(URI.create("https://huggingface.co/google-bert/bert-base-uncased")));
        for (String page : List.of("https://huggingface.co/spaces/someone/app", "https://huggingface.co/docs/hub",
                "https://huggingface.co/datasets", "https://huggingface.co/google-bert")) {
            assertNull(HuggingFaceResolver.Repo.of(URI.create(page)), page);
            assertTrue(!resolver.accepts(URI.create(page)), page);
        }
    }

    @Test
    void datasetIsPinnedToItsCommitAndEveryTreePageIsRead() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(resolvableLink()));
        assertEquals(List.of(".gitattributes", "ax/test-00000-of-00001.parquet", "README.md"),
                fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource parquet = (Source.HttpSource) fetch.sources().get(1);
        assertEquals(fake.base() + "datasets/nyu-mll/glue/resolve/" + HuggingFaceFake.GLUE
                + "/ax/test-00000-of-00001.parquet", parquet.url().toString());
        assertEquals(80767L, parquet.size());
        assertEquals(List.of(new Checksum("sha256", "3f2b9a40f0e0f5bb8a1c3d2e4f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6")),
                parquet.checksums());
        assertNull(parquet.auth(), "a public dataset downloads without credentials");
        Source.HttpSource readme = (Source.HttpSource) fetch.sources().get(2);
        assertEquals(List.of(), readme.checksums(), "a git blob id is no checksum of the file");
        assertEquals(HuggingFaceFake.GLUE, fetch.info().version());
        assertEquals(fake.base() + "datasets/nyu-mll/glue", fetch.info().landingPage());
        assertEquals("2", fake.to("/api/datasets/nyu-mll/glue/tree/" + HuggingFaceFake.GLUE).get(1).getUrl()
                .queryParameter("cursor"));
    }

    @Test
    void recordedModelTreeGivesLfsSha256AndSizes() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://huggingface.co/google-bert/bert-base-uncased"));
        assertEquals(5, fetch.sources().size());
        Source.HttpSource weights = (Source.HttpSource) fetch.sources().get(2);
        assertEquals("pytorch_model.bin", weights.path());
        assertEquals(440473133L, weights.size());
        assertEquals("sha256:097417381d6c7230bd9e3557456d726de6e83245ec8b24f529f60198a67b203a",
                weights.checksums().get(0).toString());
        assertEquals(fake.base() + "google-bert/bert-base-uncased/resolve/" + HuggingFaceFake.BERT + "/pytorch_model.bin",
                weights.url().toString());
        assertEquals("apache-2.0", fetch.info().license());
    }

    @Test
    void aFolderOrOneFileOfTheTreeIsAllThatIsFetched() throws ResolveException {
        Resolution.Fetch folder = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://huggingface.co/datasets/nyu-mll/glue/tree/main/ax"));
        assertEquals(List.of("ax/test-00000-of-00001.parquet"), folder.sources().stream().map(Source::path).toList());
        Resolution.Fetch file = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://huggingface.co/datasets/nyu-mll/glue/blob/main/ax/test-00000-of-00001.parquet"));
        assertEquals(List.of("ax/test-00000-of-00001.parquet"), file.sources().stream().map(Source::path).toList());
        assertEquals("false", fake.to("/api/datasets/nyu-mll/glue/tree/" + HuggingFaceFake.GLUE + "/ax").get(1).getUrl()
                .queryParameter("recursive"));
    }

    @Test
    void gatedWithoutATokenIsManualNamingThePageWhereAccessIsRequested() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://huggingface.co/datasets/gated-org/scans"));
        String text = manual.instructions().render();
        assertTrue(text.contains("Open " + fake.base() + "datasets/gated-org/scans while logged in"), text);
        assertTrue(text.contains("HF_TOKEN") && text.contains("medfetch add some-dataset"), text);
        assertTrue(fake.to("/api/datasets/gated-org/scans/auth-check").isEmpty());
    }

    @Test
    void gatedWithATokenNotGrantedIsManualAndWithAGrantedOneItsFilesNeedTheToken() throws ResolveException {
        Resolver refused = resolver(context(Map.of("HF_TOKEN", "hf-other-token")));
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, refused.resolve(
                entry("https://huggingface.co/datasets/gated-org/scans"), URI.create("https://huggingface.co/datasets/gated-org/scans")));
        assertTrue(manual.instructions().summary().contains("your token was not granted access"),
                manual.instructions().summary());

        Resolver granted = resolver(context(Map.of("HF_TOKEN", "hf-granted-token")));
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, granted.resolve(
                entry("https://huggingface.co/datasets/gated-org/scans"), URI.create("https://huggingface.co/datasets/gated-org/scans")));
        Source.HttpSource scans = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(HuggingFaceResolver.NAME, scans.auth());
        Authorizer.Authorized authorized = new HostAuthorizer(List.of(granted)).authorize(scans.auth(), scans.url());
        assertEquals(Map.of("Authorization", HuggingFaceFake.GRANTED), authorized.headers());
        assertEquals(scans.url(), authorized.url(), "the stable resolve URL; its redirect is followed on each request");
        ResolveException elsewhere = assertThrows(ResolveException.class, () -> new HostAuthorizer(List.of(granted))
                .authorize(HuggingFaceResolver.NAME, URI.create("https://cas-bridge.example.org/signed")));
        assertTrue(elsewhere.getMessage().startsWith("refusing to send Hugging Face credentials"), elsewhere.getMessage());
    }

    @Test
    void theTokenFileOfHuggingfaceCliLoginIsRead() throws Exception {
        Files.createDirectories(home.resolve(".cache/huggingface"));
        Files.writeString(home.resolve(".cache/huggingface/token"), "hf-granted-token\n");
        Resolver fromFile = resolver(context(Map.of()));
        assertInstanceOf(Resolution.Fetch.class, fromFile.resolve(entry("https://huggingface.co/datasets/gated-org/scans"),
                URI.create("https://huggingface.co/datasets/gated-org/scans")));
        Files.writeString(home.resolve("elsewhere-token"), "hf-other-token");
        Resolver fromPath = resolver(context(Map.of("HF_TOKEN_PATH", home.resolve("elsewhere-token").toString())));
        assertInstanceOf(Resolution.Manual.class, fromPath.resolve(entry("https://huggingface.co/datasets/gated-org/scans"),
                URI.create("https://huggingface.co/datasets/gated-org/scans")));
    }

    @Test
    void disabledAndPrivateRepositoriesAreManualSteps() throws ResolveException {
        Resolution.Manual disabled = assertInstanceOf(Resolution.Manual.class,
                resolve("https://huggingface.co/datasets/hendrycks/competition_math"));
        assertTrue(disabled.instructions().summary().contains("disabled"), disabled.instructions().summary());
        Resolution.Manual hidden = assertInstanceOf(Resolution.Manual.class,
                resolve("https://huggingface.co/datasets/someone/private-scans"));
        assertTrue(hidden.instructions().render().contains("request access"), hidden.instructions().render());
    }

    @Test
    void linkHeaderNextIsFound() {
        assertEquals("https://h/x?cursor=2", HuggingFaceResolver.nextLink("<https://h/x?cursor=2>; rel=\"next\""));
        assertEquals("/b", HuggingFaceResolver.nextLink("</a>; rel=\"prev\", </b>; rel=\"next\""));
        assertNull(HuggingFaceResolver.nextLink("</a>; rel=\"prev\""));
        assertNull(HuggingFaceResolver.nextLink(null));
    }
}
