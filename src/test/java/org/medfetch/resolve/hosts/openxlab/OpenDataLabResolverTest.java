package org.medfetch.resolve.hosts.openxlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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
import org.medfetch.resolve.hosts.UserConfig;
import org.medfetch.resolve.hosts.HostAuthorizer;

class OpenDataLabResolverTest extends ResolverContract {

    static final String AK = "ak-20240102-medfetch";
    static final String SK = "sk-very-secret-0b1c2d3e";
    static final String HC18 = "https://opendatalab.com/OpenDataLab/HC18/tree/main";

    @Override
    protected FakeHost fake() {
        return new OpenXLabFake(AK, SK);
    }

    @Override
    protected Map<String, String> env() {
        return Map.of("OPENXLAB_AK", AK, "OPENXLAB_SK", SK);
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new OpenDataLabResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of(HC18);
    }

    @Override
    protected String resolvableLink() {
        return HC18;
    }

    @Test
    void signsInListsEveryPageAndPointsFilesAtTheResolveEndpoint() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(HC18));
        assertEquals(List.of("README.md", "raw/training_set.zip", "raw/test_set.zip"),
                fetch.sources().stream().map(Source::path).toList(), "folders are left out");
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(1);
        assertEquals(fake.base() + "datasets/resolve/4321/main/raw/training_set.zip", zip.url().toString());
        assertEquals(356123456L, zip.size());
        assertEquals("sha256:0f3c5a7e9b1d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a",
                zip.checksums().get(0).toString());
        assertEquals(OpenDataLabResolver.NAME, zip.auth());
        assertEquals(1, fake.to(OpenXLabFake.SIGN_IN + "getJwt").size());
        assertEquals(1, fake.to("/datasets/api/v2/downloadCheck/4321/main/raw/training_set.zip").size());
        assertEquals("https://opendatalab.com/OpenDataLab/HC18", fetch.info().landingPage());
    }

    @Test
    void downloadsCarryTheJwtWhichIsFetchedOnce() throws ResolveException {
        Source.HttpSource zip = (Source.HttpSource) ((Resolution.Fetch) resolve(HC18)).sources().get(1);
        Authorizer.Authorized authorized = new HostAuthorizer(List.of(resolver)).authorize(zip.auth(), zip.url());
        assertEquals(Map.of("Authorization", OpenXLabFake.JWT), authorized.headers());
        assertEquals(zip.url(), authorized.url(), "the engine follows the resolve endpoint's redirect itself");
        assertEquals(1, fake.to(OpenXLabFake.SIGN_IN + "auth").size(), "the JWT is kept until it expires");
    }

    @Test
    void downloadCheck601IsManualNamingTheForm() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://opendatalab.com/OpenDataLab/FORM"));
        String text = manual.instructions().render();
        assertTrue(text.contains("OpenXLab answered 601") && text.contains("https://opendatalab.com/OpenDataLab/FORM"),
                text);
    }

    @Test
    void readmeOnlyDatasetIsManualWithTheSitesMessage() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://opendatalab.com/OpenDataLab/RITE"));
        assertTrue(manual.instructions().summary().contains("数据请前往官网下载"), manual.instructions().summary());
    }

    @Test
    void withoutKeysTheManualStepsStand() throws ResolveException {
        Resolver none = resolver(context(Map.of()));
        assertInstanceOf(Resolution.Manual.class, none.resolve(entry(HC18), URI.create(HC18)));
        assertTrue(fake.requests.isEmpty());
    }

    @Test
    void wrongSecretKeyIsRefusedWithoutShowingIt() {
        Resolver wrong = resolver(context(Map.of("OPENXLAB_AK", AK, "OPENXLAB_SK", "sk-wrong-0000")));
        ResolveException e = assertThrows(ResolveException.class, () -> wrong.resolve(entry(HC18), URI.create(HC18)));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("signature mismatch"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-wrong-0000") || e.getMessage().contains(AK), e.getMessage());
    }
}
