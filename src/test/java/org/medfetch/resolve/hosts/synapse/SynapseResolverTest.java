package org.medfetch.resolve.hosts.synapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.medfetch.resolve.hosts.FakeHost;
import org.medfetch.resolve.hosts.HostAuthorizer;
import org.medfetch.resolve.hosts.HostContext;
import org.medfetch.resolve.hosts.ResolverContract;

class SynapseResolverTest extends ResolverContract {

    static final String TOKEN = "synapse-pat-1";

    @Override
    protected FakeHost fake() {
        return new SynapseFake(TOKEN);
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new SynapseResolver(context);
    }

    @Override
    protected Map<String, String> env() {
        return Map.of("SYNAPSE_AUTH_TOKEN", TOKEN);
    }

    @Override
    protected String resolvableLink() {
        return "https://www.synapse.org/#!Synapse:syn42690/wiki/";
    }

    @Test
    void aProjectIsWalkedThroughItsChildrenPagesAndFolders() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://www.synapse.org/Synapse:syn42690"));
        assertEquals(List.of("firstPageResult", "secondPageResult/labels.csv"),
                fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource file = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(3L, file.size());
        assertEquals("md5:5289df737df57326fcdd22597afb1fac", file.checksums().get(0).toString());
        assertEquals(fake.base() + "repo/v1/entity/syn123/file", file.url().toString());
        assertEquals(SynapseResolver.NAME, file.auth());
        assertEquals(3, fake.to("/repo/v1/entity/children").size(), "two pages of the project, one of the folder");
        assertEquals("Challenge data", fetch.info().title());
    }

    @Test
    void everyAttemptGetsAFreshPresignedUrlAndSendsItNoToken() throws ResolveException {
        HostAuthorizer authorizer = new HostAuthorizer(List.of(resolver));
        URI stable = URI.create(fake.base() + "repo/v1/entity/syn123/file");
        Authorizer.Authorized first = authorizer.authorize(SynapseResolver.NAME, stable);
        Authorizer.Authorized second = authorizer.authorize(SynapseResolver.NAME, stable);
        assertTrue(first.url().toString().startsWith(fake.base() + "storage/syn123?X-Amz-Signature="), first.url().toString());
        assertNotEquals(first.url(), second.url());
        assertTrue(first.headers().isEmpty(), "the token stays with Synapse");
        ResolveException elsewhere = assertThrows(ResolveException.class,
                () -> authorizer.authorize(SynapseResolver.NAME, URI.create("https://example.org/repo/v1/entity/syn1/file")));
        assertTrue(elsewhere.getMessage().startsWith("refusing to send Synapse credentials"), elsewhere.getMessage());
    }

    @Test
    void withoutATokenTheStepsNameTheTokenAndSynapseGet() throws ResolveException {
        Resolver anonymous = resolver(context(Map.of()));
        String link = "https://www.synapse.org/#!Synapse:syn3193805/wiki/217789";
        String text = assertInstanceOf(Resolution.Manual.class, anonymous.resolve(entry(link), URI.create(link)))
                .instructions().render();
        assertTrue(text.contains("SYNAPSE_AUTH_TOKEN"), text);
        assertTrue(text.contains("synapse get -r syn3193805 --downloadLocation downloads/some-dataset/"), text);
        assertTrue(fake.requests.isEmpty(), "nothing is asked without a token");
    }

    @Test
    void controlledAccessAndNoReadAccessAreTheAccessSteps() throws ResolveException {
        String controlled = assertInstanceOf(Resolution.Manual.class, resolve("https://www.synapse.org/Synapse:syn555"))
                .instructions().render();
        assertTrue(controlled.contains("controlled access") && controlled.contains("https://www.synapse.org/Synapse:syn555"),
                controlled);
        assertInstanceOf(Resolution.Manual.class, resolve("https://www.synapse.org/Synapse:syn777"));
    }

    @Test
    void aPageWithoutASynIdIsSteps() throws ResolveException {
        assertInstanceOf(Resolution.Manual.class, resolve("https://www.synapse.org/#!Team:3323356"));
        assertEquals("syn3193805", SynapseResolver.synId(URI.create("https://www.synapse.org/#!Synapse:SYN3193805/wiki")).orElseThrow());
    }
}
