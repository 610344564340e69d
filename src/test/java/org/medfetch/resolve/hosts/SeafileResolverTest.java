package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/** Seafile share links: a folder listed through Seahub's dirents API (api/seafile/README.md), a file, a password. */
class SeafileResolverTest extends ResolverContract {

    static final String FOLDER = "https://cloud.tsinghua.edu.cn/d/df2ff6121f3f4edfaff4/";

    @Override
    protected FakeHost fake() {
        return new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest request, HttpUrl url) {
                return switch (url.encodedPath()) {
                    case "/api/v2.1/share-links/df2ff6121f3f4edfaff4/dirents/" -> "/masks/".equals(url.queryParameter("path"))
                            ? json("seafile/dirents-masks.json") : json("seafile/dirents-root.json");
                    case "/api/v2.1/share-links/0123456789abcdef0123/dirents/" ->
                            status(403, "{\"error_msg\": \"Permission denied.\"}");
                    case "/f/2c5f4e3a9b/" -> new MockResponse.Builder().code(302)
                            .setHeader("Location", "/seafhttp/files/7b1e-token/report%20v2.pdf").build();
                    case "/seafhttp/files/7b1e-token/report%20v2.pdf" -> new MockResponse.Builder().code(200)
                            .setHeader("Content-Type", "application/pdf").setHeader("Content-Length", "4")
                            .body("%PDF").build();
                    case "/f/aaaaaaaaaa/" -> html("<form><input type=\"password\" name=\"password\"></form>");
                    default -> null;
                };
            }
        };
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new SeafileResolver(context);
    }

    @Override
    protected String resolvableLink() {
        return FOLDER;
    }

    @Test
    void aFolderShareIsListedFileByFileWithSubFolders() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(FOLDER));
        assertEquals(List.of("scans.zip", "masks/case 01.nii.gz"), fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource mask = (Source.HttpSource) fetch.sources().get(1);
        assertEquals(70000L, mask.size());
        assertEquals("/d/df2ff6121f3f4edfaff4/files/", mask.url().getPath());
        assertEquals("p=/masks/case 01.nii.gz&dl=1", mask.url().getQuery());
    }

    @Test
    void aFileShareIsNamedWhereItsDownloadEnds() throws ResolveException {
        Source.HttpSource pdf = (Source.HttpSource) assertInstanceOf(Resolution.Fetch.class,
                resolve("https://seafile.example.org/f/2c5f4e3a9b/")).sources().get(0);
        assertEquals("report v2.pdf", pdf.path());
        assertEquals(4L, pdf.size());
        assertEquals(fake.base() + "f/2c5f4e3a9b/?dl=1", pdf.url().toString(), "the share's own link, not the token");
    }

    @Test
    void passwordProtectedLinksAreForAPerson() throws ResolveException {
        assertInstanceOf(Resolution.Manual.class, resolve("https://seafile.example.org/d/0123456789abcdef0123/"));
        String steps = assertInstanceOf(Resolution.Manual.class, resolve("https://seafile.example.org/f/aaaaaaaaaa/"))
                .instructions().render();
        assertTrue(steps.contains("enter the password"), steps);
    }

    @Test
    void onlyHexTokensAreShares() {
        assertFalse(resolver.accepts(URI.create("https://drive.google.com/file/d/1l_5RK28JRL19wpT22B-DY9We3TVXnnQQ/view")));
        assertFalse(resolver.accepts(URI.create("https://example.org/d/notatoken/")));
    }
}
