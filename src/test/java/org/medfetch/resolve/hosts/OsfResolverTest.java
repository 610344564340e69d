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
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class OsfResolverTest extends ResolverContract {

    @Override
    protected FakeHost fake() {
        return new OsfFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new OsfResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of("https://osf.io/pvw5x/", "https://osf.io/pvw5x/files/osfstorage", "https://osf.io/pvw5x/?view_only=abc");
    }

    @Override
    protected String resolvableLink() {
        return "https://osf.io/pvw5x/";
    }

    @Test
    void sitePagesAreNoProjects() {
        for (String page : List.of("https://osf.io/preprints/psyarxiv/abcde", "https://osf.io/search", "https://osf.io/")) {
            assertTrue(!resolver.accepts(URI.create(page)), page);
        }
    }

    @Test
    void recordedProjectIsWalkedFolderByFolderAndPageByPage() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(resolvableLink()));
        assertEquals(List.of("subdir1_1/e.txt", "subdir1_1/f.txt"), fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource e = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("https://test.osf.io/download/63273d84a870ac000a7c02f2/", e.url().toString());
        assertEquals(2L, e.size());
        assertEquals(List.of("sha256:f0b5c2c2211c8d67ed15e75e656c7862d086e9245420892a7de62cd9ec582a06",
                "md5:1dcca23355272056f04fe8bf20edfce0"), e.checksums().stream().map(Object::toString).toList());
        assertNull(e.auth());
        List<String> pages = fake.to("/v2/nodes/pvw5x/files/osfstorage/63273d800763dc000a1cfeea/").stream()
                .map(r -> r.getUrl().queryParameter("page")).toList();
        assertEquals(java.util.Arrays.asList(null, "2"), pages, "the next page is asked of the endpoint, not of api.test.osf.io");
        assertEquals(fake.base() + "pvw5x/", fetch.info().landingPage());
    }

    @Test
    void aRegistrationIsListedWhenNoNodeHasTheId() throws ResolveException {
        assertInstanceOf(Resolution.Fetch.class, resolve("https://osf.io/reg01/"));
        assertEquals(1, fake.to("/v2/nodes/reg01/files/osfstorage/").size());
    }

    @Test
    void viewOnlyKeyIsPassedOn() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://osf.io/pvw5x/?view_only=k1"));
        assertEquals("k1", fake.to("/v2/nodes/pvw5x/files/osfstorage/").get(0).getUrl().queryParameter("view_only"));
        assertTrue(fetch.sources().get(0).toString().contains("view_only=k1"), fetch.sources().get(0).toString());
    }

    @Test
    void privateProjectIsManualWithoutATokenAndDownloadsWithOne() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, resolve("https://osf.io/priv1/"));
        assertTrue(manual.instructions().render().contains("OSF_TOKEN"), manual.instructions().render());

        Resolver withToken = resolver(context(Map.of("OSF_PAT", "osf-token-1")));
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                withToken.resolve(entry("https://osf.io/priv1/"), URI.create("https://osf.io/priv1/")));
        Source.HttpSource file = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(fake.base() + "v1/resources/priv1/providers/osfstorage/64a000000000000000000001", file.url().toString());
        assertEquals(OsfResolver.NAME, file.auth());
        Authorizer.Authorized authorized = new HostAuthorizer(List.of(withToken)).authorize(file.auth(), file.url());
        assertEquals(Map.of("Authorization", OsfFake.TOKEN), authorized.headers());
        ResolveException elsewhere = assertThrows(ResolveException.class, () -> new HostAuthorizer(List.of(withToken))
                .authorize(OsfResolver.NAME, URI.create("https://example.org/steal")));
        assertTrue(elsewhere.getMessage().startsWith("refusing to send OSF credentials"), elsewhere.getMessage());
    }
}
