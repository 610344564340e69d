package org.medfetch.resolve.hosts;

import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

class AiStudioResolverTest extends ResolverContract {

    static final String TOKEN = "aistudio-token-4f9c2e";
    static final String CHEXPERT = "https://aistudio.baidu.com/datasetdetail/35660";

    @Override
    protected FakeHost fake() {
        return new AiStudioFake(TOKEN);
    }

    @Override
    protected Map<String, String> env() {
        return Map.of("AISTUDIO_ACCESS_TOKEN", TOKEN);
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new AiStudioResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of(CHEXPERT);
    }

    @Override
    protected String resolvableLink() {
        return CHEXPERT;
    }

    @Test
    void filesPointAtTheirSigningEndpointAndNeedTheToken() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(CHEXPERT));
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("CheXpert-v1.0-small.zip", zip.path());
        assertEquals(fake.base() + "llm/files/datasets/35660/file/2207381/download", zip.url().toString());
        assertEquals(11470000000L, zip.size());
        assertEquals(AiStudioResolver.NAME, zip.auth());
        assertNull(((Source.HttpSource) fetch.sources().get(1)).size());
        assertEquals("CheXpert-v1.0-small", fetch.info().title());
        var detail = fake.to("/studio/dataset/detail").get(0);
        assertEquals("datasetId=35660", detail.getBody().utf8());
        assertEquals(TOKEN, detail.getHeaders().get("Authorization"));
    }

    @Test
    void everyAttemptGetsAFreshSignedUrlAndNoHeaders() throws ResolveException {
        Source.HttpSource zip = (Source.HttpSource) ((Resolution.Fetch) resolve(CHEXPERT)).sources().get(0);
        Authorizer authorizer = new HostAuthorizer(List.of(resolver));
        Authorizer.Authorized first = authorizer.authorize(zip.auth(), zip.url());
        Authorizer.Authorized second = authorizer.authorize(zip.auth(), zip.url());
        assertTrue(first.url().toString().startsWith("https://bj.bcebos.com/v1/ai-studio-online/"), first.url().toString());
        assertNotEquals(first.url(), second.url());
        assertTrue(first.headers().isEmpty());
        assertFalse(first.toString().contains("authorization="), "a signed URL is a secret too: " + first);
    }

    @Test
    void withoutATokenTheManualStepsStand() throws ResolveException {
        Resolver none = resolver(context(Map.of()));
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, none.resolve(entry(CHEXPERT),
                URI.create(CHEXPERT)));
        assertTrue(manual.instructions().render().contains("AISTUDIO_ACCESS_TOKEN"));
        assertTrue(fake.requests.isEmpty());
    }

    @Test
    void anErrorCodeIsFatalAndSaysWhereTheTokenIsRead() {
        Resolver wrong = resolver(context(Map.of("AISTUDIO_ACCESS_TOKEN", "stale")));
        ResolveException e = assertThrows(ResolveException.class, () -> wrong.resolve(entry(CHEXPERT),
                URI.create(CHEXPERT)));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("errorCode 100001") && e.getMessage().contains("need login"), e.getMessage());
        assertTrue(e.getMessage().contains("~/.cache/aistudio/.auth/token"), e.getMessage());
    }

    @Test
    void competitionPagesAreCompleteLinksWithManualSteps() throws ResolveException {
        String link = "https://aistudio.baidu.com/competition/detail/1102/0/introduction";
        Classification offline = resolver.classify(entry(link), URI.create(link));
        assertEquals(LinkClass.MANUAL, offline.linkClass());
        assertTrue(offline.issues().isEmpty(), "not a truncated link: " + offline.issues());
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, resolve(link));
        assertTrue(manual.instructions().render().contains("报名"), manual.instructions().render());
        assertTrue(fake.requests.isEmpty());
    }
}
