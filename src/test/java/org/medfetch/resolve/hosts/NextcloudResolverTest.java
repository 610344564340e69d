package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * Nextcloud/ownCloud public shares. The answers are headers (a zip or a file, a redirect to the password
 * form); no recording of them was found, so they are written here in the shape api/nextcloud/README.md
 * describes.
 */
class NextcloudResolverTest extends ResolverContract {

    static final String FOLDER = "https://cloud.ircad.fr/index.php/s/JN3z7EynBiwYyjy/download";

    @Override
    protected FakeHost fake() {
        return new FakeHost() {
            @Override
            protected MockResponse route(RecordedRequest request, HttpUrl url) {
                return switch (url.encodedPath()) {
                    case "/index.php/s/JN3z7EynBiwYyjy/download" -> new MockResponse.Builder().code(200)
                            .setHeader("Content-Type", "application/zip")
                            .setHeader("Content-Disposition", "attachment; filename*=UTF-8''3Dircadb1.zip; "
                                    + "filename=\"3Dircadb1.zip\"").chunkedBody("PK\u0003\u0004", 2).build();
                    case "/s/yxcFKRWBJqYYzp4/download" -> new MockResponse.Builder().code(206)
                            .setHeader("Content-Type", "application/gzip").setHeader("Content-Range", "bytes 0-0/12345")
                            .setHeader("Content-Disposition", "attachment; filename*=UTF-8''scan%20one.nii.gz")
                            .body("x").build();
                    case "/index.php/s/Pr0tected12345/download" -> new MockResponse.Builder().code(303)
                            .setHeader("Location", "/index.php/s/Pr0tected12345/authenticate/downloadShare").build();
                    case "/s/AbCdEfGhIjKlMnO/download" -> html("<html>A blog post</html>");
                    case "/s/AbCdEfGhIjKlMnO" -> html("<html>A blog post</html>");
                    case "/index.php/s/Gone123456/download" -> status(404, "<html>Share not found</html>");
                    default -> null;
                };
            }
        };
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new NextcloudResolver(context);
    }

    @Override
    protected String resolvableLink() {
        return FOLDER;
    }

    @Override
    protected boolean readsJson() {
        return false;
    }

    @Test
    void aSharedFolderIsOneZipNamedAsTheServerNamesIt() throws ResolveException {
        Source.HttpSource zip = (Source.HttpSource) assertInstanceOf(Resolution.Fetch.class, resolve(FOLDER)).sources()
                .get(0);
        assertEquals("3Dircadb1.zip", zip.path());
        assertNull(zip.size(), "a folder's zip is made as it is sent: no size");
        assertEquals(fake.base() + "index.php/s/JN3z7EynBiwYyjy/download", zip.url().toString());
        assertEquals("bytes=0-0", fake.requests.get(0).getHeaders().get("Range"), "only the start was asked for");
    }

    @Test
    void aSharedFileKeepsItsNameAndSize() throws ResolveException {
        Source.HttpSource file = (Source.HttpSource) assertInstanceOf(Resolution.Fetch.class,
                resolve("https://cloud.example.com/s/yxcFKRWBJqYYzp4")).sources().get(0);
        assertEquals("scan one.nii.gz", file.path());
        assertEquals(12345L, file.size());
    }

    @Test
    void aPasswordProtectedShareIsForAPerson() throws ResolveException {
        String steps = assertInstanceOf(Resolution.Manual.class,
                resolve("https://cloud.example.com/index.php/s/Pr0tected12345")).instructions().render();
        assertTrue(steps.contains("enter the share's password"), steps);
    }

    @Test
    void aGoneShareIsFatalAndABlogAtSlashSIsAPage() throws ResolveException {
        ResolveException gone = assertThrows(ResolveException.class,
                () -> resolve("https://cloud.example.com/index.php/s/Gone123456"));
        assertFalse(gone.retryable());
        assertTrue(gone.getMessage().contains("no share Gone123456"), gone.getMessage());
        String page = assertInstanceOf(Resolution.Manual.class, resolve("https://blog.example.org/s/AbCdEfGhIjKlMnO"))
                .instructions().render();
        assertTrue(page.contains("find the download on it"), page);
    }

    @Test
    void onlyShareShapesAreItsOwn() {
        assertFalse(resolver.accepts(URI.create("https://example.org/s/short")), "a bare /s/ needs a 15-character token");
        assertFalse(resolver.accepts(URI.create("https://example.org/index.php/s/abc/other")));
        assertTrue(resolver.accepts(URI.create("https://uni.example.edu/nextcloud/index.php/s/AbC123xYz/download")));
    }
}
