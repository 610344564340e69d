package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class DryadResolverTest extends ResolverContract {

    @Override
    protected FakeHost fake() {
        return new DryadFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new DryadResolver(context);
    }

    @Override
    protected Map<String, String> env() {
        return Map.of("DRYAD_TOKEN", "dryad-token-1");
    }

    @Override
    protected String resolvableLink() {
        return "https://datadryad.org/stash/dataset/doi:10.7959/dryad.p8cz8wf1";
    }

    @Test
    void linksNameTheirDoi() {
        assertEquals("10.5061/dryad.p8cz8wf1", DryadResolver.doi(URI.create("https://doi.org/10.5061/dryad.p8cz8wf1")));
        assertEquals("10.7959/dryad.p8cz8wf1", DryadResolver.doi(URI.create(resolvableLink())));
        assertEquals("10.5061/dryad.p8cz8wf1",
                DryadResolver.doi(URI.create("https://datadryad.org/dataset/doi:10.5061/dryad.p8cz8wf1")));
        for (String other : List.of("https://doi.org/10.5281/zenodo.1214456", "https://datadryad.org/search?q=ct",
                "https://example.org/stash/dataset/doi:10.5061/dryad.x")) {
            assertTrue(!resolver.accepts(URI.create(other)), other);
        }
    }

    @Test
    void latestVersionsFilesOnEveryPageWithTheirDigests() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(resolvableLink()));
        assertEquals(List.of("README.md", "scans.zip", "labels.csv"), fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource scans = (Source.HttpSource) fetch.sources().get(1);
        assertEquals(fake.base() + "api/v2/files/1002/download", scans.url().toString());
        assertEquals("sha256:2b8328db94a71e66b89e67e62a9d9b88407e0d4f705e87ff26be05c6379675a2",
                scans.checksums().get(0).toString());
        assertEquals("md5:0d6b7c1f6f7e8a2e3c2c7a1d6c0f3b6e", ((Source.HttpSource) fetch.sources().get(0)).checksums()
                .get(0).toString());
        Source.HttpSource labels = (Source.HttpSource) fetch.sources().get(2);
        assertEquals(List.of(), labels.checksums(), "older files have no digest");
        assertEquals(fake.base() + "api/v2/files/1003/download", labels.url().toString());
        assertEquals(DryadResolver.NAME, scans.auth(), "Dryad refuses anonymous downloads");
        assertEquals("This is the title -- and it's great", fetch.info().title());
        assertEquals("10.7959/dryad.p8cz8wf1", fetch.info().doi());
        assertEquals(List.of("Scherle, Ryan", "Someone, Joe", "SomeoneElse, Tina"), fetch.info().authors());
        assertEquals("1", fetch.info().version());
    }

    @Test
    void withoutCredentialsTheLinkIsManualOfflineAndNamesBothWays() throws ResolveException {
        Resolver anonymous = resolver(context(Map.of()));
        assertEquals(LinkClass.MANUAL, anonymous.classify(entry(resolvableLink()), URI.create(resolvableLink())).linkClass());
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                anonymous.resolve(entry(resolvableLink()), URI.create(resolvableLink())));
        String text = manual.instructions().render();
        assertTrue(text.contains("Download dataset") && text.contains("stash/dataset/doi:10.7959/dryad.p8cz8wf1"), text);
        assertTrue(text.contains("medfetch adopt some-dataset downloads/some-dataset/"), text);
        assertTrue(text.contains("DRYAD_CLIENT_ID") && text.contains("DRYAD_TOKEN"), text);
        assertTrue(fake.requests.isEmpty(), "nothing is asked of Dryad without credentials");
        assertEquals(LinkClass.API, resolver.classify(entry(resolvableLink()), URI.create(resolvableLink())).linkClass());
    }

    @Test
    void clientCredentialsAreExchangedOnceForATokenThatSignsEveryCall() throws ResolveException {
        Resolver client = resolver(context(Map.of("DRYAD_CLIENT_ID", "cid-1", "DRYAD_CLIENT_SECRET", "csecret-1")));
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class,
                client.resolve(entry(resolvableLink()), URI.create(resolvableLink())));
        Source.HttpSource scans = (Source.HttpSource) fetch.sources().get(1);
        Authorizer.Authorized authorized = new HostAuthorizer(List.of(client)).authorize(scans.auth(), scans.url());
        assertEquals(Map.of("Authorization", DryadFake.ISSUED), authorized.headers());
        assertEquals(1, fake.to("/oauth/token").size());
        ResolveException elsewhere = assertThrows(ResolveException.class, () -> new HostAuthorizer(List.of(client))
                .authorize(DryadResolver.NAME, URI.create("https://example.org/steal")));
        assertTrue(elsewhere.getMessage().startsWith("refusing to send Dryad credentials"), elsewhere.getMessage());
    }

    @Test
    void refusedClientCredentialsAreAClearFatalError() {
        Resolver client = resolver(context(Map.of("DRYAD_CLIENT_ID", "cid-1", "DRYAD_CLIENT_SECRET", "wrong")));
        ResolveException e = assertThrows(ResolveException.class,
                () -> client.resolve(entry(resolvableLink()), URI.create(resolvableLink())));
        assertTrue(e.getMessage().contains("Dryad refused") && !e.retryable(), e.getMessage());
    }

    @Test
    void embargoedDatasetIsManualUntilItsDate() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://datadryad.org/stash/dataset/doi:10.7958/dryad.t76hdrd0"));
        assertTrue(manual.instructions().summary().contains("under embargo until 2020-08-02"),
                manual.instructions().summary());
    }
}
