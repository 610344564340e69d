package org.medfetch.resolve.hosts.kaggle;

import org.medfetch.resolve.LinkClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.hosts.ResolverContract;
import org.medfetch.resolve.hosts.FakeHost;
import org.medfetch.resolve.hosts.HostContext;
import org.medfetch.resolve.hosts.HostAuthorizer;

class KaggleResolverTest extends ResolverContract {

    static final String USER = "medfetch-user";
    static final String KEY = "0123456789abcdef0123456789abcdef";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + KEY)
            .getBytes(StandardCharsets.UTF_8));
    static final String BONE_AGE = "https://www.kaggle.com/datasets/kmader/rsna-bone-age";

    @Override
    protected FakeHost fake() {
        return new KaggleFake(BASIC);
    }

    @Override
    protected Map<String, String> env() {
        return Map.of("KAGGLE_USERNAME", USER, "KAGGLE_KEY", KEY);
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new KaggleResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of(BONE_AGE, "https://www.kaggle.com/c/siim-acrpneumothorax-segmentation");
    }

    @Override
    protected String resolvableLink() {
        return BONE_AGE;
    }

    private Resolver with(Map<String, String> env) {
        return resolver(context(env));
    }

    @Test
    void datasetIsOneZipFetchedWithTheBasicHeader() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(BONE_AGE));
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(1, fetch.sources().size());
        assertEquals("rsna-bone-age.zip", zip.path());
        assertEquals(fake.base() + "datasets/download/kmader/rsna-bone-age", zip.url().toString());
        assertEquals(KaggleResolver.NAME, zip.auth());
        assertNull(zip.size(), "the zip's size is not the sum of its files");
        assertEquals(2, fake.to("/datasets/list/kmader/rsna-bone-age").size(), "both pages are read");
        for (var request : fake.requests) {
            assertEquals(BASIC, request.getHeaders().get("Authorization"));
        }
        assertTrue(fetch.notes().summary().contains("3 files, 9561641360 bytes unpacked"), fetch.notes().summary());
        assertEquals("RSNA Bone Age", fetch.info().title());
        assertEquals("Other (specified in description)", fetch.info().license());
    }

    @Test
    void accessTokenIsSentAsBearerAndWinsOverTheKey() throws ResolveException {
        fake.requests.clear();
        Resolver resolver = with(Map.of("KAGGLE_API_TOKEN", "kgat_token", "KAGGLE_USERNAME", USER, "KAGGLE_KEY", KEY));
        assertThrows(ResolveException.class, () -> resolver.resolve(entry(BONE_AGE), URI.create(BONE_AGE)),
                "this fake only accepts the Basic header");
        assertEquals("Bearer kgat_token", fake.requests.get(0).getHeaders().get("Authorization"));
    }

    @Test
    void versionedLinkAsksForThatVersion() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(BONE_AGE + "/versions/2"));
        assertEquals("2", fake.requests.get(0).getUrl().queryParameter("datasetVersionNumber"));
        assertTrue(fetch.sources().get(0).path().equals("rsna-bone-age.zip"));
        assertEquals("2", okhttp3.HttpUrl.get(((Source.HttpSource) fetch.sources().get(0)).url().toString())
                .queryParameter("datasetVersionNumber"));
    }

    @Test
    void selectedFilesAreFetchedOneByOne() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve(BONE_AGE + "/data?select=boneage-test-dataset.csv"));
        Source.HttpSource csv = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("boneage-test-dataset.csv", csv.path());
        assertEquals(fake.base() + "datasets/download/kmader/rsna-bone-age/boneage-test-dataset.csv", csv.url().toString());
        ResolveException unknown = assertThrows(ResolveException.class, () -> resolve(BONE_AGE + "?select=nope.csv"));
        assertFalse(unknown.retryable());
        assertTrue(unknown.getMessage().contains("boneage-training-dataset.csv"), unknown.getMessage());
    }

    @Test
    void anEmptyListingIsNoReasonToRefuseASelectedFile() throws ResolveException {
        String folders = "https://www.kaggle.com/datasets/jonathanbesomi/rsna-miccai-png";
        Resolution.Fetch whole = assertInstanceOf(Resolution.Fetch.class, resolve(folders));
        assertEquals(List.of("rsna-miccai-png.zip"), whole.sources().stream().map(Source::path).toList());
        assertFalse(whole.notes().summary().contains("0 files, 0 bytes"), whole.notes().summary());
        assertTrue(whole.notes().summary().contains("listed no files"), whole.notes().summary());
        Resolution.Fetch one = assertInstanceOf(Resolution.Fetch.class, resolve(folders + "?select=train/00000.png"));
        assertEquals(fake.base() + "datasets/download/jonathanbesomi/rsna-miccai-png/train%2F00000.png",
                ((Source.HttpSource) one.sources().get(0)).url().toString());
    }

    @Test
    void competitionWithAcceptedRulesIsOneZipAndNothingIsDownloaded() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://www.kaggle.com/c/" + KaggleFake.ACCEPTED + "/data"));
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(KaggleFake.ACCEPTED + ".zip", zip.path());
        assertEquals(fake.base() + "competitions/data/download-all/" + KaggleFake.ACCEPTED, zip.url().toString());
        assertEquals(KaggleResolver.NAME, zip.auth());
        assertEquals(1, fake.to("/competitions/data/download-all/" + KaggleFake.ACCEPTED).size(),
                "the rules are checked without following the redirect to the bytes");
    }

    @Test
    void archiveServedWithoutARedirectIsNotReadByTheRulesCheck() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                resolve("https://www.kaggle.com/competitions/" + KaggleFake.DIRECT));
        assertEquals(KaggleFake.DIRECT + ".zip", fetch.sources().get(0).path());
    }

    @Test
    void competitionWhoseRulesAreNotAcceptedIsManualNamingTheRulesPage() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://www.kaggle.com/competitions/" + KaggleFake.NOT_ACCEPTED));
        String text = manual.instructions().render();
        assertTrue(text.contains("https://www.kaggle.com/competitions/" + KaggleFake.NOT_ACCEPTED + "/rules"), text);
        assertTrue(text.contains("medfetch add some-dataset"), text);
    }

    @Test
    void withoutCredentialsTheStepsSayHowToCreateThem() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                with(Map.of()).resolve(entry(BONE_AGE), URI.create(BONE_AGE)));
        assertTrue(manual.instructions().render().contains("Create New Token"), manual.instructions().render());
        assertTrue(fake.requests.isEmpty(), "nothing is asked of Kaggle without credentials");
    }

    @Test
    void refusedCredentialsAreFatalWithAHintAndWithoutTheKey() {
        Resolver wrong = with(Map.of("KAGGLE_USERNAME", USER, "KAGGLE_KEY", "ffffffffffffffffffffffffffffffff"));
        ResolveException e = assertThrows(ResolveException.class, () -> wrong.resolve(entry(BONE_AGE), URI.create(BONE_AGE)));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("401") && e.getMessage().contains("Check your Kaggle credentials"),
                e.getMessage());
        assertFalse(e.getMessage().contains("ffffffffffffffff"), e.getMessage());
    }

    @Test
    void authorizerAddsTheHeaderOnlyForKaggle() throws ResolveException {
        HostAuthorizer authorizer = new HostAuthorizer(List.of(resolver));
        URI download = URI.create(fake.base() + "datasets/download/kmader/rsna-bone-age");
        Authorizer.Authorized authorized = authorizer.authorize(KaggleResolver.NAME, download);
        assertEquals(download, authorized.url());
        assertEquals(Map.of("Authorization", BASIC), authorized.headers());
        assertFalse(authorized.toString().contains(KEY));
        assertThrows(ResolveException.class, () -> authorizer.authorize(KaggleResolver.NAME,
                URI.create("https://storage.googleapis.com/bucket/archive.zip")));
        ResolveException unknown = assertThrows(ResolveException.class, () -> authorizer.authorize("nope", download));
        assertTrue(unknown.getMessage().contains("kaggle"), unknown.getMessage());
    }

    @Test
    void legacyOwnerSlugLinksAreDatasets() throws ResolveException {
        String legacy = "https://www.kaggle.com/kmader/rsna-bone-age";
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(legacy));
        assertFalse(fetch.sources().isEmpty());
        assertFalse(fake.to("/datasets/list/kmader/rsna-bone-age").isEmpty());
        for (String page : List.of("https://www.kaggle.com/code/someone/notebook", "https://www.kaggle.com/learn/python",
                "https://www.kaggle.com/docs/api")) {
            assertEquals(LinkClass.UNAVAILABLE, resolver.classify(entry(page), URI.create(page)).linkClass(), page);
        }
    }
}
