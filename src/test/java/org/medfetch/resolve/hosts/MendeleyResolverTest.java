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
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class MendeleyResolverTest extends ResolverContract {

    @Override
    protected FakeHost fake() {
        return new MendeleyFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new MendeleyResolver(context);
    }

    @Override
    protected String resolvableLink() {
        return "https://data.mendeley.com/datasets/rscbjbr9sj/2";
    }

    @Test
    void versionsFilesInTheirFoldersWithSha256AndAStableUrl() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(resolvableLink()));
        assertEquals(List.of("ChestXRay2017.zip", "retina/oct/OCT2017.tar.gz"),
                fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(1235512464L, zip.size());
        assertEquals("sha256:5c9f3cdb0a2e9d7c2e2d5b7e4b1c3a6f8e0d9c7b5a3f1e2d4c6b8a0f9e7d5c3b", zip.checksums().get(0).toString());
        assertEquals(fake.base() + "public-files/datasets/rscbjbr9sj/files/0a1b2c3d-0000-4000-8000-000000000001/file_downloaded",
                zip.url().toString(), "the signed URL is never what is stored");
        assertEquals("2", fake.to("/public-api/datasets/rscbjbr9sj").get(0).getUrl().queryParameter("version"));
        assertEquals("10.17632/rscbjbr9sj.2", fetch.info().doi());
        assertEquals("CC BY 4.0", fetch.info().license());
        assertEquals("2", fetch.info().version());
    }

    @Test
    void eachAttemptAsksAgainForTheSignedUrl() throws ResolveException {
        Source.HttpSource zip = (Source.HttpSource) assertInstanceOf(Resolution.Fetch.class, resolve(resolvableLink()))
                .sources().get(0);
        HostAuthorizer authorizer = new HostAuthorizer(List.of(resolver));
        int before = fake.to("/public-api/datasets/rscbjbr9sj").size();
        Authorizer.Authorized first = authorizer.authorize(zip.auth(), zip.url());
        authorizer.authorize(zip.auth(), zip.url());
        assertEquals(before + 2, fake.to("/public-api/datasets/rscbjbr9sj").size());
        assertTrue(first.url().toString().startsWith("https://md-datasets-public-files-prod.s3.eu-west-1.amazonaws.com/0a1b2c3d?"),
                first.url().toString());
        assertEquals(Map.of(), first.headers());
        ResolveException elsewhere = assertThrows(ResolveException.class,
                () -> authorizer.authorize(MendeleyResolver.NAME, URI.create("https://example.org/public-files/x")));
        assertTrue(elsewhere.getMessage().startsWith("refusing to send Mendeley Data credentials"), elsewhere.getMessage());
    }
}
