package org.medfetch.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog given by URL: cached with its ETag, re-validated on each use, the copy used offline. */
class RemoteCatalogTest {

    private static final String URL = "https://lists.example/awesome.md";
    private static final String LIST = "## Retina\n- [DRIVE](https://drive.grand-challenge.org/)\n";

    /** Answers from a script and remembers the ETag each request carried. */
    private static final class ScriptedServer implements CatalogHttp {
        final Deque<Object> answers = new ArrayDeque<>();
        final List<String> etags = new ArrayList<>();

        @Override
        public Answer get(URI url, String etag) throws IOException {
            etags.add(etag);
            Object next = answers.removeFirst();
            if (next instanceof IOException e) {
                throw e;
            }
            return (Answer) next;
        }
    }

    private final ScriptedServer server = new ScriptedServer();
    private final List<String> notes = new ArrayList<>();

    private RemoteCatalog remote(Path cache) {
        return new RemoteCatalog(server, cache, notes::add);
    }

    private static CatalogHttp.Body body(String text, String etag) {
        return new CatalogHttp.Body(text.getBytes(StandardCharsets.UTF_8), etag);
    }

    @Test
    void theCopyIsCachedWithItsEtagAndRevalidated(@TempDir Path cache) throws Exception {
        server.answers.add(body(LIST, "\"v1\""));
        server.answers.add(new CatalogHttp.NotModified());
        Catalog first = remote(cache).load(URL);
        Catalog second = remote(cache).load(URL);
        assertEquals(URL, first.origin());
        assertEquals("drive", first.entries().get(0).id());
        assertEquals(first.entries(), second.entries());
        assertEquals(first.sha256(), second.sha256());
        assertEquals(java.util.Arrays.asList(null, "\"v1\""), server.etags);
        assertTrue(notes.isEmpty(), notes::toString);
    }

    @Test
    void aChangedListReplacesTheCopy(@TempDir Path cache) throws Exception {
        server.answers.add(body(LIST, "\"v1\""));
        server.answers.add(body(LIST + "- [STARE](https://stare.org)\n", "\"v2\""));
        server.answers.add(new CatalogHttp.NotModified());
        remote(cache).load(URL);
        assertEquals(2, remote(cache).load(URL).entries().size());
        assertEquals(2, remote(cache).load(URL).entries().size());
        assertEquals("\"v2\"", server.etags.get(2));
    }

    @Test
    void offlineTheCachedCopyIsUsedWithOneNote(@TempDir Path cache) throws Exception {
        server.answers.add(body(LIST, null));
        server.answers.add(new ConnectException("Connection refused"));
        server.answers.add(new CatalogHttp.Refused(503));
        remote(cache).load(URL);
        assertEquals(1, remote(cache).load(URL).entries().size());
        assertEquals(1, remote(cache).load(URL).entries().size());
        assertNull(server.etags.get(1), "a copy without ETag is fetched again in full");
        assertEquals(2, notes.size());
        assertTrue(notes.get(0).startsWith("catalog " + URL + " cannot be fetched (Connection refused); using the copy cached on "),
                notes.get(0));
        assertTrue(notes.get(1).contains("answered HTTP 503; using the copy cached"), notes.get(1));
    }

    @Test
    void withoutACopyAFailureIsAnError(@TempDir Path cache) {
        server.answers.add(new ConnectException("Connection refused"));
        server.answers.add(new CatalogHttp.Refused(404));
        assertEquals("catalog " + URL + " cannot be fetched (Connection refused) and no copy of it is cached",
                assertThrows(CatalogException.class, () -> remote(cache).load(URL)).getMessage());
        assertEquals("catalog " + URL + " answered HTTP 404 and no copy of it is cached",
                assertThrows(CatalogException.class, () -> remote(cache).load(URL)).getMessage());
    }

    @Test
    void anUnreadableAnswerIsRefusedAndKeepsTheGoodCopy(@TempDir Path cache) throws Exception {
        server.answers.add(body(LIST, "\"v1\""));
        server.answers.add(new CatalogHttp.Body(new byte[] {'<', 0, 1, 2}, "\"v2\""));
        server.answers.add(new CatalogHttp.NotModified());
        remote(cache).load(URL);
        CatalogException binary = assertThrows(CatalogException.class, () -> remote(cache).load(URL));
        assertEquals("catalog " + URL + " is a binary file, not Markdown text", binary.getMessage());
        assertEquals(1, remote(cache).load(URL).entries().size());
        assertEquals("\"v1\"", server.etags.get(2), "the bad answer's ETag was not kept either");
    }

    @Test
    void aCacheThatCannotBeWrittenStillGivesTheCatalog(@TempDir Path dir) throws Exception {
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        server.answers.add(body(LIST, "\"v1\""));
        assertEquals(1, remote(notAFolder.resolve("catalogs")).load(URL).entries().size());
        assertTrue(notes.get(0).startsWith("the catalog could not be cached in "), notes::toString);
        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(notAFolder));
    }

    @Test
    void onlyHttpAndHttpsAreUrls() throws Exception {
        assertTrue(RemoteCatalog.isUrl("HTTPS://example.org/x.md"));
        assertTrue(RemoteCatalog.isUrl("http://example.org/x.md"));
        assertEquals(false, RemoteCatalog.isUrl("ftp://example.org/x.md"));
        assertEquals(false, RemoteCatalog.isUrl("lists/x.md"));
        assertThrows(CatalogException.class, () -> remote(Path.of("unused")).load("https:// bad url"));
    }
}
